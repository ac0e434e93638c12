package dev.nla.core.io;

import dev.nla.core.error.MalformedInputException;
import dev.nla.core.error.SizeLimitExceededException;

/** Builds the messages of {@link MalformedInputException}: source, position, what was found. */
final class Errors {
    private Errors() {}

    /** {@code "<source>: byte <offset>: <what>"}. */
    static MalformedInputException atByte(String source, long offset, String what) {
        return new MalformedInputException(source + ": byte " + offset + ": " + what);
    }

    /** {@code "<source>: line <line>: <what>"}. */
    static MalformedInputException atLine(String source, long line, String what) {
        return new MalformedInputException(source + ": line " + line + ": " + what);
    }

    /**
     * A size over a limit of this library, reported as malformed input (the file asks for more
     * than can be held) with the {@link SizeLimitExceededException} as the cause.
     */
    static MalformedInputException overLimit(String sourceAndPosition, String what, long requested, long limit) {
        SizeLimitExceededException cause = new SizeLimitExceededException(what, requested, limit);
        return new MalformedInputException(sourceAndPosition + ": " + cause.getMessage(), cause);
    }

    /** As {@link #overLimit(String, String, long, long)} with a free-form message naming both sizes. */
    static MalformedInputException overLimit(String sourceAndPosition, String message) {
        SizeLimitExceededException cause = new SizeLimitExceededException(message);
        return new MalformedInputException(sourceAndPosition + ": " + message, cause);
    }
}
