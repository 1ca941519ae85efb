package dev.pinver.registry;

import java.util.Map;
import java.util.Set;

/**
 * Decodes HTML character references in attribute values as Python's {@code html.unescape} (and so pip)
 * does, for the references index pages use: numeric ones ({@code &#62;}, {@code &#x3E;}; zero or
 * out-of-range code points become U+FFFD) and the named {@code lt gt amp quot apos nbsp} (and the
 * upper-case {@code LT GT AMP QUOT}). HTML's legacy names may lack the semicolon, and then the longest
 * legacy name at the start of the run counts ({@code &ampx} → {@code &x}). Unknown names stay as written.
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
        int start = hex ? from + 1 : from;
        int end = start;
        while (end < text.length() && Character.digit(text.charAt(end), hex ? 16 : 10) >= 0 && end - start < 8) {
            end++;
        }
        if (end == start) {
            return 0;
        }
        int codePoint = Integer.parseInt(text.substring(start, end), hex ? 16 : 10);
        out.appendCodePoint(Character.isValidCodePoint(codePoint) && codePoint != 0 ? codePoint : 0xFFFD);
        boolean semicolon = end < text.length() && text.charAt(end) == ';';
        return (end - (from - 1)) + (semicolon ? 1 : 0);
    }
}
