package dev.nla.core.io;

import java.util.ArrayList;
import java.util.List;

/**
 * A parser for the subset of Python literal syntax that appears in a {@code .npy} header: a
 * dictionary of strings, integers, booleans, {@code None}, tuples and lists. It replaces Python's
 * {@code ast.literal_eval} and never evaluates anything.
 *
 * <p>Grammar (whitespace = space, tab, CR, LF, FF, VT between tokens):
 *
 * <pre>
 * value  := dict | '(' ')' | '(' value ')' | '(' value ',' [value (',' value)* [',']] ')'
 *         | list | string | int | 'True' | 'False' | 'None'
 * dict   := '{' [value ':' value (',' value ':' value)* [',']] '}'
 * list   := '[' [value (',' value)* [',']] ']'
 * string := ['u' | 'U'] ( '\'' chars '\'' | '"' chars '"' )   (backslash escapes)
 * int    := ['+' | '-'] digit+ ['L']                            ('L' only if allowed)
 * </pre>
 *
 * <p>A parenthesised value without a comma is the value itself, as in Python: {@code (5)} is the
 * integer 5, {@code (5,)} a 1-tuple. Nesting is limited to {@link #MAX_DEPTH} levels so that a
 * hostile header cannot exhaust the stack. Positions are character indices into the parsed text.
 */
final class PyLiteral {
    /** Deepest nesting of containers accepted. */
    static final int MAX_DEPTH = 32;

    private final String text;
    private final boolean allowLongSuffix;
    private int pos;

    private PyLiteral(String text, boolean allowLongSuffix) {
        this.text = text;
        this.allowLongSuffix = allowLongSuffix;
    }

    /** A parsed literal; {@code pos} is the character index where it starts. */
    sealed interface Value permits Str, Int, Bool, NoneValue, Tuple, PyList, Dict {
        int pos();

        /** A Python-like representation for error messages. */
        String repr();
    }

    /** A string literal. */
    record Str(String value, int pos) implements Value {
        @Override
        public String repr() {
            StringBuilder sb = new StringBuilder("'");
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\'' || c == '\\') {
                    sb.append('\\').append(c);
                } else if (c < 0x20 || c == 0x7f) {
                    sb.append(String.format("\\x%02x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            return sb.append('\'').toString();
        }
    }

    /**
     * An integer literal; {@code overflow} is set when it does not fit in a {@code long} (then
     * {@code value} is meaningless and {@code text} holds the digits).
     */
    record Int(long value, boolean overflow, String text, int pos) implements Value {
        @Override
        public String repr() {
            return text;
        }
    }

    /** {@code True} or {@code False}. */
    record Bool(boolean value, int pos) implements Value {
        @Override
        public String repr() {
            return value ? "True" : "False";
        }
    }

    /** {@code None}. */
    record NoneValue(int pos) implements Value {
        @Override
        public String repr() {
            return "None";
        }
    }

    /** A tuple. */
    record Tuple(List<Value> items, int pos) implements Value {
        @Override
        public String repr() {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < items.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(items.get(i).repr());
            }
            return sb.append(items.size() == 1 ? ",)" : ")").toString();
        }
    }

    /** A list. */
    record PyList(List<Value> items, int pos) implements Value {
        @Override
        public String repr() {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < items.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(items.get(i).repr());
            }
            return sb.append(']').toString();
        }
    }

    /** A dictionary with its entries in source order (duplicates kept, for the caller to judge). */
    record Dict(List<Value> keys, List<Value> values, int pos) implements Value {
        @Override
        public String repr() {
            StringBuilder sb = new StringBuilder("{");
            for (int i = 0; i < keys.size(); i++) {
                sb.append(i > 0 ? ", " : "")
                        .append(keys.get(i).repr())
                        .append(": ")
                        .append(values.get(i).repr());
            }
            return sb.append('}').toString();
        }
    }

    /** A syntax error at a character index of the parsed text. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        private final int position;

        SyntaxError(int position, String message) {
            super(message);
            this.position = position;
        }

        int position() {
            return position;
        }
    }

    /**
     * Parses {@code text} as exactly one literal surrounded by optional whitespace.
     *
     * @param text            the text
     * @param allowLongSuffix whether an integer may carry Python 2's {@code L} suffix
     * @return the literal
     * @throws SyntaxError at the first character that does not fit the grammar
     */
    static Value parse(String text, boolean allowLongSuffix) throws SyntaxError {
        PyLiteral p = new PyLiteral(text, allowLongSuffix);
        p.skipWhitespace();
        Value v = p.value(0);
        p.skipWhitespace();
        if (p.pos < text.length()) {
            throw new SyntaxError(p.pos, "unexpected " + p.describeHere() + " after the literal");
        }
        return v;
    }

    private Value value(int depth) throws SyntaxError {
        if (depth >= MAX_DEPTH) {
            throw new SyntaxError(pos, "literal nested deeper than " + MAX_DEPTH + " levels");
        }
        if (pos >= text.length()) {
            throw new SyntaxError(pos, "unexpected end of header, expected a value");
        }
        int start = pos;
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return dict(depth);
            case '(':
                return tuple(depth);
            case '[':
                return list(depth);
            case '\'':
            case '"':
                return string(start);
            default:
                break;
        }
        if ((c == 'u' || c == 'U') && pos + 1 < text.length() && isQuote(text.charAt(pos + 1))) {
            pos++;
            return string(start);
        }
        if (c == '+' || c == '-' || isDigit(c)) {
            return integer();
        }
        if (Character.isLetter(c) || c == '_') {
            String word = identifier();
            switch (word) {
                case "True":
                    return new Bool(true, start);
                case "False":
                    return new Bool(false, start);
                case "None":
                    return new NoneValue(start);
                default:
                    throw new SyntaxError(start, "unexpected name '" + clip(word) + "'");
            }
        }
        throw new SyntaxError(pos, "unexpected " + describeHere() + ", expected a value");
    }

    private Dict dict(int depth) throws SyntaxError {
        int start = pos++;
        List<Value> keys = new ArrayList<>();
        List<Value> values = new ArrayList<>();
        skipWhitespace();
        while (!peek('}')) {
            keys.add(value(depth + 1));
            skipWhitespace();
            expect(':', "':' after a dictionary key");
            skipWhitespace();
            values.add(value(depth + 1));
            skipWhitespace();
            if (peek(',')) {
                pos++;
                skipWhitespace();
            } else if (!peek('}')) {
                throw new SyntaxError(pos, "unexpected " + describeHere() + ", expected ',' or '}' in a dictionary");
            }
        }
        pos++;
        return new Dict(List.copyOf(keys), List.copyOf(values), start);
    }

    private Value tuple(int depth) throws SyntaxError {
        int start = pos++;
        List<Value> items = new ArrayList<>();
        boolean sawComma = false;
        skipWhitespace();
        while (!peek(')')) {
            items.add(value(depth + 1));
            skipWhitespace();
            if (peek(',')) {
                sawComma = true;
                pos++;
                skipWhitespace();
            } else if (!peek(')')) {
                throw new SyntaxError(pos, "unexpected " + describeHere() + ", expected ',' or ')' in a tuple");
            }
        }
        pos++;
        if (items.size() == 1 && !sawComma) {
            return items.get(0); // "(5)" is 5, as in Python
        }
        return new Tuple(List.copyOf(items), start);
    }

    private PyList list(int depth) throws SyntaxError {
        int start = pos++;
        List<Value> items = new ArrayList<>();
        skipWhitespace();
        while (!peek(']')) {
            items.add(value(depth + 1));
            skipWhitespace();
            if (peek(',')) {
                pos++;
                skipWhitespace();
            } else if (!peek(']')) {
                throw new SyntaxError(pos, "unexpected " + describeHere() + ", expected ',' or ']' in a list");
            }
        }
        pos++;
        return new PyList(List.copyOf(items), start);
    }

    private Str string(int start) throws SyntaxError {
        char quote = text.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new SyntaxError(start, "unterminated string literal");
            }
            char c = text.charAt(pos++);
            if (c == quote) {
                return new Str(sb.toString(), start);
            }
            if (c == '\n' || c == '\r') {
                throw new SyntaxError(pos - 1, "line break inside a string literal");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw new SyntaxError(start, "unterminated string literal");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '\\':
                case '\'':
                case '"':
                    sb.append(e);
                    break;
                case 'n':
                    sb.append('\n');
                    break;
                case 't':
                    sb.append('\t');
                    break;
                case 'r':
                    sb.append('\r');
                    break;
                case '0':
                    sb.append('\0');
                    break;
                case 'x':
                    sb.append((char) hexDigits(2));
                    break;
                default:
                    throw new SyntaxError(pos - 2, "unsupported escape sequence '\\" + e + "' in a string literal");
            }
        }
    }

    private int hexDigits(int count) throws SyntaxError {
        int v = 0;
        for (int k = 0; k < count; k++) {
            int d = pos < text.length() ? Character.digit(text.charAt(pos), 16) : -1;
            if (d < 0) {
                throw new SyntaxError(pos, "expected a hexadecimal digit in an escape sequence");
            }
            v = 16 * v + d;
            pos++;
        }
        return v;
    }

    private Int integer() throws SyntaxError {
        int start = pos;
        boolean negative = false;
        char sign = text.charAt(pos);
        if (sign == '+' || sign == '-') {
            negative = sign == '-';
            pos++;
            skipWhitespace();
        }
        int digitsStart = pos;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos == digitsStart) {
            throw new SyntaxError(pos, "unexpected " + describeHere() + ", expected digits");
        }
        String digits = text.substring(digitsStart, pos);
        if (allowLongSuffix && peek('L')) {
            pos++;
        }
        if (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_') {
                throw new SyntaxError(
                        start,
                        "invalid integer literal '" + clip(text.substring(start, Math.min(text.length(), pos + 1)))
                                + "...' (only decimal integers are accepted)");
            }
        }
        String repr = (negative ? "-" : "") + digits;
        long v = 0;
        boolean overflow = false;
        for (int k = 0; k < digits.length() && !overflow; k++) {
            int d = digits.charAt(k) - '0';
            if (v > (Long.MAX_VALUE - d) / 10) {
                overflow = true;
            } else {
                v = 10 * v + d;
            }
        }
        return new Int(negative ? -v : v, overflow, clip(repr), start);
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void expect(char c, String what) throws SyntaxError {
        if (!peek(c)) {
            throw new SyntaxError(pos, "unexpected " + describeHere() + ", expected " + what);
        }
        pos++;
    }

    private boolean peek(char c) throws SyntaxError {
        if (pos >= text.length()) {
            throw new SyntaxError(pos, "unexpected end of header inside a literal");
        }
        return text.charAt(pos) == c;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b) {
                pos++;
            } else {
                break;
            }
        }
    }

    private String describeHere() {
        if (pos >= text.length()) {
            return "end of header";
        }
        char c = text.charAt(pos);
        if (c < 0x20 || c == 0x7f || c > 0x7e) {
            return String.format("character U+%04X", (int) c);
        }
        return "character '" + c + "'";
    }

    private static boolean isQuote(char c) {
        return c == '\'' || c == '"';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Shortens a text for a message. */
    static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
