package dev.nla.core.io;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads text line by line with a bounded line buffer, counting lines from 1, and splits lines into
 * whitespace-separated tokens. Only the first {@link #MAX_LINE_LENGTH} characters of a line are
 * kept; a longer line is flagged ({@link #tooLong()}) and its remainder skipped, so that a file
 * without line breaks cannot make the reader allocate without bound.
 *
 * <p>A line ends at {@code '\n'}; a {@code '\r'} is whitespace, so CRLF files read like LF files.
 * Whitespace between tokens is space, tab, CR, form feed or vertical tab.
 */
final class LineReader {
    /** Characters kept per line. Matrix Market data lines are far shorter. */
    static final int MAX_LINE_LENGTH = 4096;

    /** Tokens remembered per line; {@link #tokenCount()} still counts all of them. */
    private static final int MAX_TOKENS = 8;

    private final Reader in;
    private final char[] buffer = new char[8192];
    private int bufferPos;
    private int bufferEnd;
    private boolean endOfInput;

    private final char[] line = new char[MAX_LINE_LENGTH];
    private int length;
    private boolean tooLong;
    private long lineNumber;

    private final int[] tokenStart = new int[MAX_TOKENS];
    private final int[] tokenEnd = new int[MAX_TOKENS];
    private int tokenCount;

    LineReader(Reader in) {
        this.in = in;
    }

    /**
     * Advances to the next line.
     *
     * @return {@code false} at the end of the input (a last line without a final line break still
     *     counts as a line)
     */
    boolean next() throws IOException {
        length = 0;
        tooLong = false;
        boolean sawAny = false;
        while (true) {
            if (bufferPos == bufferEnd) {
                if (!fill()) {
                    if (!sawAny) {
                        return false;
                    }
                    break;
                }
            }
            char c = buffer[bufferPos++];
            sawAny = true;
            if (c == '\n') {
                break;
            }
            if (length < MAX_LINE_LENGTH) {
                line[length++] = c;
            } else {
                tooLong = true;
            }
        }
        lineNumber++;
        tokenize();
        return true;
    }

    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            endOfInput = true;
            return false;
        }
        bufferPos = 0;
        bufferEnd = n;
        return true;
    }

    private void tokenize() {
        tokenCount = 0;
        int p = 0;
        while (true) {
            while (p < length && isSpace(line[p])) {
                p++;
            }
            if (p == length) {
                return;
            }
            int start = p;
            while (p < length && !isSpace(line[p])) {
                p++;
            }
            if (tokenCount < MAX_TOKENS) {
                tokenStart[tokenCount] = start;
                tokenEnd[tokenCount] = p;
            }
            tokenCount++;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0b;
    }

    /** Number of the current line, from 1; the number of lines read so far. */
    long lineNumber() {
        return lineNumber;
    }

    /** Whether the current line was longer than {@link #MAX_LINE_LENGTH} characters. */
    boolean tooLong() {
        return tooLong;
    }

    /** Whether the current line holds only whitespace. */
    boolean isBlank() {
        return tokenCount == 0 && !tooLong;
    }

    /** Whether the first non-blank character of the current line is {@code '%'}. */
    boolean isComment() {
        return tokenCount > 0 && line[tokenStart[0]] == '%';
    }

    /** Number of whitespace-separated tokens on the current line (as far as it was kept). */
    int tokenCount() {
        return tokenCount;
    }

    /** Token {@code k < min(tokenCount(), 8)} of the current line. */
    String token(int k) {
        return new String(line, tokenStart[k], tokenEnd[k] - tokenStart[k]);
    }

    /** The current line (as far as it was kept), shortened for a message. */
    String excerpt() {
        String s = new String(line, 0, length).strip();
        return PyLiteral.clip(s) + (tooLong ? "..." : "");
    }
}
