package dev.pinver.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds where a key's name is written in TOML text, through dotted keys, quoted keys and table headers. */
final class TomlKeys {

    private TomlKeys() {
    }

    /**
     * Where the last key of {@code fullPath} is written. {@code start} is where tomlj says the key is
     * defined: the start of a dotted key ({@code a."b.c".d = …}) or of a table header
     * ({@code [a.b.c]}). Of the parts written there, the name is the last one that, together with the
     * parts before it, ends {@code fullPath}; for a quoted part, the offset is just inside the quote.
     * Falls back to {@code start} when the text there does not spell the path.
     */
    static int nameOffset(String text, int start, List<String> fullPath) {
        List<Part> parts = scan(text, start);
        for (int i = parts.size() - 1; i >= 0; i--) {
            if (endsWith(fullPath, parts.subList(0, i + 1))) {
                return parts.get(i).offset();
            }
        }
        return start;
    }

    private static boolean endsWith(List<String> fullPath, List<Part> parts) {
        int shift = fullPath.size() - parts.size();
        if (shift < 0) {
            return false;
        }
        for (int i = 0; i < parts.size(); i++) {
            if (!parts.get(i).name().equals(fullPath.get(shift + i))) {
                return false;
            }
        }
        return true;
    }

    /** One part of a dotted key: its decoded name and where the name starts. */
    private record Part(String name, int offset) {
    }

    /** The parts of the dotted key (or table header) written at {@code start}. */
    private static List<Part> scan(String text, int start) {
        List<Part> parts = new ArrayList<>();
        int i = skipBlanks(text, start, "[ \t");
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                Optional<TomlStringLiteral> quoted = TomlStringLiteral.at(text, i);
                if (quoted.isEmpty()) {
                    break;
                }
                parts.add(new Part(quoted.get().value(), i + 1));
                i = quoted.get().rawOffset(quoted.get().value().length()) + 1;
            } else {
                int end = i;
                while (end < text.length() && isBareKeyChar(text.charAt(end))) {
                    end++;
                }
                if (end == i) {
                    break;
                }
                parts.add(new Part(text.substring(i, end), i));
                i = end;
            }
            i = skipBlanks(text, i, " \t");
            if (i >= text.length() || text.charAt(i) != '.') {
                break;
            }
            i = skipBlanks(text, i + 1, " \t");
        }
        return parts;
    }

    private static int skipBlanks(String text, int i, String blanks) {
        while (i < text.length() && blanks.indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static boolean isBareKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }
}
