package dev.nla.bench.report;

import dev.nla.core.error.MalformedInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A small JSON (RFC 8259) writer and reader for manifests and JMH result files; enough for flat
 * records, not a general data-binding library.
 *
 * <p><b>Writing</b> maps {@link Map} (string keys, in iteration order) to objects, {@link
 * Iterable}, {@code Object[]}, {@code double[]}, {@code long[]} and {@code int[]} to arrays,
 * {@link CharSequence} and {@link Enum} (its name) to strings, {@link Number} and {@link Boolean}
 * to numbers and literals, and {@code null} to {@code null}. Output is indented by two spaces.
 * Strings escape {@code "}, {@code \}, all control characters, U+2028, U+2029 and unpaired
 * surrogates, so the text is valid JSON and valid UTF-8 whatever the input.
 *
 * <p><b>Reading</b> returns {@link LinkedHashMap} for objects, {@link ArrayList} for arrays,
 * {@link String}, {@link Long} for integers that fit (otherwise {@link Double}), {@link Double}
 * for other numbers, {@link Boolean} and {@code null}. Input that is not JSON throws {@link
 * MalformedInputException} naming the offset.
 */
public final class Json {
    /** Deepest nesting the reader accepts (protects the stack from hostile input). */
    public static final int MAX_DEPTH = 256;

    private Json() {}

    // ------------------------------------------------------------------ writing

    /**
     * Serializes a value as indented JSON.
     *
     * @param value a supported value (see the class comment), possibly nested
     * @return the JSON text, without a trailing line break
     * @throws IllegalArgumentException if a value has an unsupported type, a map key is not a
     *     string, or a number is NaN or infinite (JSON has no such numbers); the message gives the
     *     path to the value
     */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0, "$");
        return sb.toString();
    }

    /**
     * Writes {@link #write(Object)} plus a line break to a file (created or replaced), in UTF-8.
     *
     * @param value a supported value
     * @param file  the destination; its parent directory must exist
     * @throws IllegalArgumentException if the value cannot be serialized
     * @throws UncheckedIOException     if the file cannot be written
     */
    public static void write(Object value, Path file) {
        Objects.requireNonNull(file, "file");
        String text = write(value) + "\n";
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON file " + file, e);
        }
    }

    /**
     * Quotes and escapes a string as a JSON string literal.
     *
     * @param s the raw string
     * @return the literal, including the surrounding double quotes
     * @throws NullPointerException if {@code s} is null
     */
    public static String quote(String s) {
        Objects.requireNonNull(s, "s");
        StringBuilder sb = new StringBuilder(s.length() + 2);
        appendQuoted(sb, s);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object value, int indent, String path) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof CharSequence cs) {
            appendQuoted(sb, cs.toString());
        } else if (value instanceof Enum<?> e) {
            appendQuoted(sb, e.name());
        } else if (value instanceof Boolean b) {
            sb.append(b.booleanValue());
        } else if (value instanceof Number n) {
            appendNumber(sb, n, path);
        } else if (value instanceof Map<?, ?> map) {
            writeObject(sb, map, indent, path);
        } else if (value instanceof Iterable<?> it) {
            List<Object> items = new ArrayList<>();
            it.forEach(items::add);
            writeArray(sb, items, indent, path);
        } else if (value instanceof Object[] arr) {
            writeArray(sb, List.of(arr), indent, path);
        } else if (value instanceof double[] arr) {
            List<Object> items = new ArrayList<>();
            for (double d : arr) {
                items.add(d);
            }
            writeArray(sb, items, indent, path);
        } else if (value instanceof long[] arr) {
            List<Object> items = new ArrayList<>();
            for (long l : arr) {
                items.add(l);
            }
            writeArray(sb, items, indent, path);
        } else if (value instanceof int[] arr) {
            List<Object> items = new ArrayList<>();
            for (int i : arr) {
                items.add(i);
            }
            writeArray(sb, items, indent, path);
        } else {
            throw new IllegalArgumentException(
                    "cannot write a " + value.getClass().getName() + " as JSON (at " + path + ")");
        }
    }

    private static void writeObject(StringBuilder sb, Map<?, ?> map, int indent, String path) {
        if (map.isEmpty()) {
            sb.append("{}");
            return;
        }
        sb.append("{\n");
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("JSON object keys must be strings, got "
                        + (e.getKey() == null ? "null" : e.getKey().getClass().getName()) + " (at " + path + ")");
            }
            indent(sb, indent + 1);
            appendQuoted(sb, key);
            sb.append(": ");
            write(sb, e.getValue(), indent + 1, path + "." + key);
            sb.append(++i < map.size() ? ",\n" : "\n");
        }
        indent(sb, indent);
        sb.append('}');
    }

    private static void writeArray(StringBuilder sb, List<?> items, int indent, String path) {
        if (items.isEmpty()) {
            sb.append("[]");
            return;
        }
        sb.append("[\n");
        for (int i = 0; i < items.size(); i++) {
            indent(sb, indent + 1);
            write(sb, items.get(i), indent + 1, path + "[" + i + "]");
            sb.append(i + 1 < items.size() ? ",\n" : "\n");
        }
        indent(sb, indent);
        sb.append(']');
    }

    private static void appendNumber(StringBuilder sb, Number n, String path) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            sb.append(n.longValue());
        } else if (n instanceof BigInteger) {
            sb.append(n);
        } else if (n instanceof BigDecimal bd) {
            sb.append(bd.toString());
        } else {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("JSON has no " + d + " (at " + path + ")");
            }
            sb.append(Double.toString(d));
        }
    }

    private static void indent(StringBuilder sb, int level) {
        sb.append("  ".repeat(level));
    }

    private static void appendQuoted(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    boolean paired = Character.isHighSurrogate(c)
                                    && i + 1 < s.length()
                                    && Character.isLowSurrogate(s.charAt(i + 1))
                            || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || (Character.isSurrogate(c) && !paired)) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    // ------------------------------------------------------------------ reading

    /**
     * Parses JSON text.
     *
     * @param text the JSON text (one value, surrounded by optional white space)
     * @return the value, as described in the class comment
     * @throws NullPointerException    if {@code text} is null
     * @throws MalformedInputException if the text is not valid JSON or nests deeper than {@link
     *     #MAX_DEPTH}; the message gives the character offset
     */
    public static Object parse(String text) {
        Objects.requireNonNull(text, "text");
        Reader r = new Reader(text);
        r.skipWhitespace();
        Object value = r.value(0);
        r.skipWhitespace();
        if (r.pos != text.length()) {
            throw r.error("unexpected text after the JSON value");
        }
        return value;
    }

    /**
     * Reads and parses a UTF-8 JSON file.
     *
     * @param file the file
     * @return the parsed value
     * @throws UncheckedIOException    if the file cannot be read
     * @throws MalformedInputException if its content is not valid JSON
     */
    public static Object parse(Path file) {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JSON file " + file, e);
        }
        try {
            return parse(text);
        } catch (MalformedInputException e) {
            throw new MalformedInputException(file + ": " + e.getMessage(), e);
        }
    }

    private static final class Reader {
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        MalformedInputException error(String what) {
            return new MalformedInputException("invalid JSON at offset " + pos + ": " + what);
        }

        void skipWhitespace() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    pos++;
                } else {
                    break;
                }
            }
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("nesting deeper than " + MAX_DEPTH);
            }
            if (pos >= s.length()) {
                throw error("unexpected end of input");
            }
            char c = s.charAt(pos);
            switch (c) {
                case '{':
                    return object(depth);
                case '[':
                    return array(depth);
                case '"':
                    return string();
                case 't':
                    literal("true");
                    return Boolean.TRUE;
                case 'f':
                    literal("false");
                    return Boolean.FALSE;
                case 'n':
                    literal("null");
                    return null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw error("unexpected character '" + c + "'");
            }
        }

        private void literal(String word) {
            if (!s.startsWith(word, pos)) {
                throw error("expected '" + word + "'");
            }
            pos += word.length();
        }

        private Map<String, Object> object(int depth) {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++; // '{'
            skipWhitespace();
            if (pos < s.length() && s.charAt(pos) == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipWhitespace();
                if (pos >= s.length() || s.charAt(pos) != '"') {
                    throw error("expected a string key");
                }
                String key = string();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                map.put(key, value(depth + 1));
                skipWhitespace();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                expect('}');
                return map;
            }
        }

        private List<Object> array(int depth) {
            List<Object> list = new ArrayList<>();
            pos++; // '['
            skipWhitespace();
            if (pos < s.length() && s.charAt(pos) == ']') {
                pos++;
                return list;
            }
            while (true) {
                skipWhitespace();
                list.add(value(depth + 1));
                skipWhitespace();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                expect(']');
                return list;
            }
        }

        private void expect(char c) {
            if (pos >= s.length() || s.charAt(pos) != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private String string() {
            pos++; // opening quote
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c < 0x20) {
                    pos--;
                    throw error("control character U+" + String.format(Locale.ROOT, "%04X", (int) c) + " in a string");
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                if (pos >= s.length()) {
                    throw error("unterminated escape");
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case '/' -> sb.append('/');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw error("truncated \\u escape");
                        }
                        int code = 0;
                        for (int k = 0; k < 4; k++) {
                            int d = Character.digit(s.charAt(pos + k), 16);
                            if (d < 0) {
                                throw error("bad hex digit in \\u escape");
                            }
                            code = code * 16 + d;
                        }
                        pos += 4;
                        sb.append((char) code);
                    }
                    default -> {
                        pos--;
                        throw error("bad escape '\\" + e + "'");
                    }
                }
            }
        }

        private Object number() {
            int start = pos;
            if (s.charAt(pos) == '-') {
                pos++;
            }
            if (pos >= s.length()) {
                throw error("truncated number");
            }
            if (s.charAt(pos) == '0') {
                pos++;
            } else if (s.charAt(pos) >= '1' && s.charAt(pos) <= '9') {
                digits();
            } else {
                throw error("expected a digit");
            }
            boolean integral = true;
            if (pos < s.length() && s.charAt(pos) == '.') {
                integral = false;
                pos++;
                if (pos >= s.length() || !isDigit(s.charAt(pos))) {
                    throw error("expected a digit after the decimal point");
                }
                digits();
            }
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                integral = false;
                pos++;
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    pos++;
                }
                if (pos >= s.length() || !isDigit(s.charAt(pos))) {
                    throw error("expected a digit in the exponent");
                }
                digits();
            }
            String lit = s.substring(start, pos);
            if (integral) {
                try {
                    return Long.parseLong(lit);
                } catch (NumberFormatException tooBig) {
                    return Double.parseDouble(lit);
                }
            }
            return Double.parseDouble(lit);
        }

        private void digits() {
            while (pos < s.length() && isDigit(s.charAt(pos))) {
                pos++;
            }
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
