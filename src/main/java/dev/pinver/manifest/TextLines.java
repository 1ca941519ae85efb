package dev.pinver.manifest;

import dev.pinver.Location;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The line starts of a file's text, to convert between character offsets and 1-based line and
 * column positions in logarithmic time.
 */
final class TextLines {

    private final String text;
    private final int[] starts;

    private TextLines(String text, boolean loneCarriageReturnBreaks) {
        this.text = text;
        int[] found = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (loneCarriageReturnBreaks && c == '\r'
                    && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = i + 1;
            }
        }
        this.starts = Arrays.copyOf(found, count);
    }

    /** Lines as TOML ends them: at {@code \n} only (a CRLF line's {@code \r} stays on it; a lone {@code \r} is not allowed). */
    static TextLines toml(String text) {
        return new TextLines(text, false);
    }

    /** Lines as {@link Span#of} counts them: ending at {@code \n}, and at a {@code \r} not followed by {@code \n}. */
    static TextLines anyBreak(String text) {
        return new TextLines(text, true);
    }

    /**
     * The offset of a 1-based {@code line} and {@code column}, where the column counts Unicode code
     * points (as parsers built on ANTLR report it). Positions past a line's end or the last line are
     * clamped to the nearest existing place.
     */
    int offsetOfCodePointColumn(int line, int column) {
        int lineIndex = Math.max(0, Math.min(line, starts.length) - 1);
        int lineEnd = lineIndex + 1 < starts.length ? starts[lineIndex + 1] - 1 : text.length();
        int offset = starts[lineIndex];
        for (int k = 1; k < column && offset < lineEnd; k++) {
            offset += Character.charCount(text.codePointAt(offset));
        }
        return Math.min(offset, lineEnd);
    }

    /** The span of {@code [start, end)}, with the line and (character) column of {@code start}. */
    Span span(int start, int end) {
        int lineIndex = lineIndexOf(start);
        return new Span(start, end, lineIndex + 1, start - starts[lineIndex] + 1);
    }

    /** The location of {@code offset} in {@code file}, its column counting characters. */
    Location location(Path file, int offset) {
        Span at = span(offset, offset);
        return new Location(file, at.line(), at.column());
    }

    private int lineIndexOf(int offset) {
        int found = Arrays.binarySearch(starts, offset);
        return found >= 0 ? found : -found - 2;
    }
}
