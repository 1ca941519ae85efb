package dev.pinver.registry;

import java.util.Map;
import java.util.Set;

/**
 * Decodes HTML character references in attribute values as Python's {@code html.unescape} (and so pip)
 * does, for the references index pages use: numeric ones ({@code &#62;}, {@code &#x3E;}, with any number
 * of ASCII digits; zero, surrogate or out-of-range code points become U+FFFD) and the named
 * {@code lt gt amp quot apos nbsp} (and the upper-case {@code LT GT AMP QUOT}). HTML's legacy names may
 * lack the semicolon, and then the longest legacy name at the start of the run counts ({@code &ampx} →
 * {@code &x}). Unknown names stay as written.
 */
final class Entities {

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("amp", "&"), Map.entry("quot", "\""),
            Map.entry("LT", "<"), Map.entry("GT", ">"), Map.entry("AMP", "&"), Map.entry("QUOT", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00a0"));
    /** The names above that HTML also accepts without a semicolon. */
    private static final Set<String> LEGACY = Set.of("lt", "gt", "amp", "quot", "LT", "GT", "AMP", "QUOT", "nbsp");

    private Entities() {
    }

    static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int consumed = reference(text, i + 1, out);
            if (consumed == 0) {
                out.append('&');
                i++;
            } else {
                i += 1 + consumed;
            }
        }
        return out.toString();
    }

    /** Appends the reference starting after {@code &} at {@code from}; returns how many characters it took, 0 if none. */
    private static int reference(String text, int from, StringBuilder out) {
        if (from < text.length() && text.charAt(from) == '#') {
            return numeric(text, from + 1, out);
        }
        int end = from;
        while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
            end++;
        }
        String name = text.substring(from, end);
        if (end < text.length() && text.charAt(end) == ';' && NAMED.containsKey(name)) {
            out.append(NAMED.get(name));
            return name.length() + 1;
        }
        for (int length = name.length(); length > 0; length--) {
            String prefix = name.substring(0, length);
            if (LEGACY.contains(prefix)) {
                out.append(NAMED.get(prefix));
                return length;
            }
        }
        return 0;
    }

    private static int numeric(String text, int from, StringBuilder out) {
        boolean hex = from < text.length() && (text.charAt(from) == 'x' || text.charAt(from) == 'X');
        int radix = hex ? 16 : 10;
        int start = hex ? from + 1 : from;
        int end = start;
        long value = 0;
        for (int digit; end < text.length() && (digit = asciiDigit(text.charAt(end), radix)) >= 0; end++) {
            value = Math.min(value * radix + digit, Character.MAX_CODE_POINT + 1L); // all digits count, as in HTML
        }
        if (end == start) {
            return 0;
        }
        int codePoint = (int) value;
        boolean usable = Character.isValidCodePoint(codePoint) && codePoint != 0
                && !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
        out.appendCodePoint(usable ? codePoint : 0xFFFD);
        boolean semicolon = end < text.length() && text.charAt(end) == ';';
        return (end - (from - 1)) + (semicolon ? 1 : 0);
    }

    /** The value of an ASCII digit in {@code radix} (10 or 16), else -1: HTML knows no other digits. */
    private static int asciiDigit(char c, int radix) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (radix == 16 && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return Character.toLowerCase(c) - 'a' + 10;
        }
        return -1;
    }
}
