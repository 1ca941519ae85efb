package dev.pinver.manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON parser (RFC 8259) that keeps the offset of every value. It accepts what
 * {@code JSON.parse} accepts, except duplicate keys in one object (JavaScript silently keeps the last one)
 * and nesting deeper than {@link #MAX_DEPTH}, and it names the first thing that is wrong with its offset:
 * trailing commas, comments, single quotes, unquoted keys, unescaped control characters, bad escapes,
 * malformed numbers, and anything after the value. A byte order mark is not skipped: callers decide about it.
 */
final class JsonParser {

    /** Deeper nesting than this is refused rather than risking the stack. */
    static final int MAX_DEPTH = 512;

    /** Why the text is not JSON, and the offset of the character at fault. */
    static final class SyntaxError extends Exception {

        private final int offset;

        SyntaxError(int offset, String message) {
            super(message);
            this.offset = offset;
        }

        int offset() {
            return offset;
        }
    }

    private final String text;
    private int pos;

    private JsonParser(String text, int start) {
        this.text = text;
        this.pos = start;
    }

    /** Parses the one JSON value that {@code text} holds from {@code start} on. */
    static JsonValue parse(String text, int start) throws SyntaxError {
        JsonParser parser = new JsonParser(text, start);
        parser.skipWhitespace();
        JsonValue value = parser.value(0);
        parser.skipWhitespace();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected " + parser.describe(parser.pos) + " after the end of the JSON value");
        }
        return value;
    }

    private JsonValue value(int depth) throws SyntaxError {
        if (pos >= text.length()) {
            throw error("unexpected end of file: expected a JSON value");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case '\'' -> throw error("strings must be in double quotes");
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> number();
            default -> word();
        };
    }

    private JsonValue.ObjectValue object(int depth) throws SyntaxError {
        int start = enter(depth);
        List<JsonValue.Member> members = new ArrayList<>();
        Map<String, JsonValue.StringValue> seen = new HashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return new JsonValue.ObjectValue(start, members);
        }
        while (true) {
            if (peek() != '"') {
                throw error(peek() == '\'' ? "strings must be in double quotes"
                        : "expected a key in double quotes, found " + describe(pos));
            }
            JsonValue.StringValue key = string();
            JsonValue.StringValue first = seen.putIfAbsent(key.value(), key);
            if (first != null) {
                throw new SyntaxError(key.start(), "duplicate key \"" + key.value() + "\" in the same object");
            }
            skipWhitespace();
            if (peek() != ':') {
                throw error("expected ':' after the key \"" + key.value() + "\", found " + describe(pos));
            }
            pos++;
            skipWhitespace();
            members.add(new JsonValue.Member(key, value(depth)));
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                return new JsonValue.ObjectValue(start, members);
            }
            if (peek() != ',') {
                throw error("expected ',' or '}' after an object member, found " + describe(pos));
            }
            int comma = pos++;
            skipWhitespace();
            if (peek() == '}') {
                throw new SyntaxError(comma, "trailing comma: JSON allows no ',' before '}'");
            }
        }
    }

    private JsonValue.ArrayValue array(int depth) throws SyntaxError {
        int start = enter(depth);
        List<JsonValue> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return new JsonValue.ArrayValue(start, elements);
        }
        while (true) {
            elements.add(value(depth));
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return new JsonValue.ArrayValue(start, elements);
            }
            if (peek() != ',') {
                throw error("expected ',' or ']' after an array element, found " + describe(pos));
            }
            int comma = pos++;
            skipWhitespace();
            if (peek() == ']') {
                throw new SyntaxError(comma, "trailing comma: JSON allows no ',' before ']'");
            }
        }
    }

    /** Steps over the opening bracket, refusing to go deeper than {@link #MAX_DEPTH}; returns its offset. */
    private int enter(int depth) throws SyntaxError {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        return pos++;
    }

    private JsonValue.StringValue string() throws SyntaxError {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new SyntaxError(start, "unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return new JsonValue.StringValue(value.toString(), start, pos);
            }
            if (c == '\n' || c == '\r') {
                throw new SyntaxError(start, "unterminated string (a string cannot span lines)");
            }
            if (c < 0x20) {
                throw error(String.format("control character U+%04X must be escaped in a string", (int) c));
            }
            if (c == '\\') {
                value.append(escape());
            } else {
                value.append(c);
                pos++;
            }
        }
    }

    /** Decodes the escape at {@code pos} (a backslash) and steps over it. */
    private char escape() throws SyntaxError {
        if (pos + 1 >= text.length()) {
            throw error("unterminated string");
        }
        char e = text.charAt(pos + 1);
        char decoded = switch (e) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicodeEscape();
            default -> throw error("invalid escape '\\" + (e < 0x20 ? "" : String.valueOf(e)) + "' in a string");
        };
        pos += e == 'u' ? 6 : 2;
        return decoded;
    }

    private char unicodeEscape() throws SyntaxError {
        int code = 0;
        for (int i = pos + 2; i < pos + 6; i++) {
            int digit = i < text.length() ? Character.digit(text.charAt(i), 16) : -1;
            if (digit < 0) {
                throw error("invalid \\u escape: expected four hexadecimal digits");
            }
            code = code * 16 + digit;
        }
        return (char) code;
    }

    /** A number as RFC 8259 writes it: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    private JsonValue.Literal number() throws SyntaxError {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw error("invalid number: no leading zeros allowed");
            }
        } else {
            digits("a digit");
        }
        if (peek() == '.') {
            pos++;
            digits("a digit after '.'");
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            digits("a digit in the exponent");
        }
        return new JsonValue.Literal(start, text.substring(start, pos));
    }

    private void digits(String expected) throws SyntaxError {
        if (!isDigit(peek())) {
            throw error("invalid number: expected " + expected + ", found " + describe(pos));
        }
        while (isDigit(peek())) {
            pos++;
        }
    }

    /** {@code true}, {@code false} or {@code null}; any other word is an error at its start. */
    private JsonValue.Literal word() throws SyntaxError {
        int start = pos;
        int end = pos;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'
                || text.charAt(end) == '$')) {
            end++;
        }
        String word = text.substring(start, end);
        if (word.equals("true") || word.equals("false") || word.equals("null")) {
            pos = end;
            return new JsonValue.Literal(start, word);
        }
        if (word.isEmpty()) {
            throw error("expected a JSON value, found " + describe(pos));
        }
        throw error("unexpected '" + word + "': expected a JSON value");
    }

    /** Skips JSON whitespace; a comment where whitespace may be is an error of its own. */
    private void skipWhitespace() throws SyntaxError {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else if (c == '/' && pos + 1 < text.length()
                    && (text.charAt(pos + 1) == '/' || text.charAt(pos + 1) == '*')) {
                throw error("comments are not allowed in JSON");
            } else {
                return;
            }
        }
    }

    /** The character at {@code pos}, or {@code 0} at the end of the text. */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The character at {@code at} for a message: {@code 'x'}, {@code U+00A0} or {@code end of file}. */
    private String describe(int at) {
        if (at >= text.length()) {
            return "end of file";
        }
        int c = text.codePointAt(at);
        return c > 0x20 && c < 0x7F ? "'" + (char) c + "'" : String.format("U+%04X", c);
    }

    private SyntaxError error(String message) {
        return new SyntaxError(Math.min(pos, text.length()), message);
    }
}
