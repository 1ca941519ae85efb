package dev.pinver.manifest;

import java.util.Arrays;
import java.util.Optional;

/**
 * A TOML string literal located in a file's raw text: its decoded value and, for every decoded
 * character, the offset in the raw text where that character was written. Handles basic
 * ({@code "…"}) strings with escapes, literal ({@code '…'}) strings and both multi-line forms,
 * including the trimmed first newline, line-ending backslashes and CRLF newlines (decoded as
 * {@code \n}, as TOML parsers do).
 */
final class TomlStringLiteral {

    private final String text;
    private final String value;
    /** {@code origins[i]} is the raw offset of decoded character {@code i}; the last entry is the closing delimiter. */
    private final int[] origins;

    private TomlStringLiteral(String text, String value, int[] origins) {
        this.text = text;
        this.value = value;
        this.origins = origins;
    }

    /** The literal whose opening quote is at {@code offset} in {@code text}, or empty when none is there. */
    static Optional<TomlStringLiteral> at(String text, int offset) {
        return new Decoder(text, offset).decode();
    }

    String value() {
        return value;
    }

    /** The raw offset of decoded character {@code index}; {@code value().length()} gives the closing delimiter. */
    int rawOffset(int index) {
        return origins[index];
    }

    /** True when decoded characters {@code [from, to)} are written verbatim, with no escape or line continuation. */
    boolean verbatim(int from, int to) {
        int rawFrom = origins[from];
        int rawTo = origins[to];
        return rawTo - rawFrom == to - from && text.regionMatches(rawFrom, value, from, to - from);
    }

    /** Decodes one literal, recording origins. */
    private static final class Decoder {
        private final String text;
        private final int start;
        private final StringBuilder value = new StringBuilder();
        private int[] origins = new int[16];

        Decoder(String text, int start) {
            this.text = text;
            this.start = start;
        }

        Optional<TomlStringLiteral> decode() {
            if (start < 0 || start >= text.length()) {
                return Optional.empty();
            }
            char quote = text.charAt(start);
            if (quote != '"' && quote != '\'') {
                return Optional.empty();
            }
            boolean basic = quote == '"';
            String triple = String.valueOf(quote).repeat(3);
            boolean multiLine = text.startsWith(triple, start);
            int i = start + (multiLine ? 3 : 1);
            if (multiLine) {
                i = skipNewline(i);
            }
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == quote && (!multiLine || text.startsWith(triple, i))) {
                    return Optional.of(finish(multiLine ? closeMultiLine(i, quote) : i));
                }
                if (basic && c == '\\') {
                    i = escape(i, multiLine);
                    if (i < 0) {
                        return Optional.empty();
                    }
                } else if (multiLine && c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    append('\n', i);
                    i += 2;
                } else if (!multiLine && (c == '\n' || c == '\r')) {
                    return Optional.empty();
                } else {
                    append(c, i);
                    i++;
                }
            }
            return Optional.empty();
        }

        /** Up to two quotes right before a multi-line closing delimiter belong to the value; returns the delimiter's offset. */
        private int closeMultiLine(int i, char quote) {
            int run = 0;
            while (i + run < text.length() && text.charAt(i + run) == quote) {
                run++;
            }
            int extra = Math.min(run - 3, 2);
            for (int k = 0; k < extra; k++) {
                append(quote, i + k);
            }
            return i + extra;
        }

        private int skipNewline(int i) {
            if (text.startsWith("\r\n", i)) {
                return i + 2;
            }
            return i < text.length() && text.charAt(i) == '\n' ? i + 1 : i;
        }

        /** Decodes the escape at {@code i} (a backslash); returns the offset after it, or -1 when it is not valid. */
        private int escape(int i, boolean multiLine) {
            if (i + 1 >= text.length()) {
                return -1;
            }
            char e = text.charAt(i + 1);
            if (multiLine && (e == ' ' || e == '\t' || e == '\n' || e == '\r')) {
                return lineContinuation(i + 1);
            }
            char simple = switch (e) {
                case 'b' -> '\b';
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'f' -> '\f';
                case 'r' -> '\r';
                case 'e' -> '\u001b';
                case '"' -> '"';
                case '\\' -> '\\';
                default -> 0;
            };
            if (simple != 0) {
                append(simple, i);
                return i + 2;
            }
            int digits = switch (e) {
                case 'x' -> 2;
                case 'u' -> 4;
                case 'U' -> 8;
                default -> 0;
            };
            int end = i + 2 + digits;
            if (digits == 0 || end > text.length()) {
                return -1;
            }
            int codePoint;
            try {
                codePoint = Integer.parseInt(text, i + 2, end, 16);
            } catch (NumberFormatException ex) {
                return -1;
            }
            if (!Character.isValidCodePoint(codePoint)) {
                return -1;
            }
            for (char c : Character.toChars(codePoint)) {
                append(c, i);
            }
            return end;
        }

        /** A backslash at a line's end: skips blanks, the newline and all whitespace after it. */
        private int lineContinuation(int i) {
            int j = i;
            while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                j++;
            }
            if (skipNewline(j) == j) {
                return -1;
            }
            while (j < text.length() && " \t\r\n".indexOf(text.charAt(j)) >= 0) {
                j++;
            }
            return j;
        }

        private void append(char c, int origin) {
            if (value.length() + 1 >= origins.length) {
                origins = Arrays.copyOf(origins, origins.length * 2);
            }
            origins[value.length()] = origin;
            value.append(c);
        }

        private TomlStringLiteral finish(int closing) {
            int[] result = Arrays.copyOf(origins, value.length() + 1);
            result[value.length()] = closing;
            return new TomlStringLiteral(text, value.toString(), result);
        }
    }
}
