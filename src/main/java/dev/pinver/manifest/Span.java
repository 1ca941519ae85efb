package dev.pinver.manifest;

/**
 * Where a piece of text sits in its file: {@code start} (inclusive) and {@code end} (exclusive) are
 * 0-based character offsets into the file's decoded text; {@code line} and {@code column} are the
 * 1-based position of {@code start}. {@code text.substring(start, end)} is exactly the piece.
 */
public record Span(int start, int end, int line, int column) {

    public Span {
        if (start < 0 || end < start || line < 1 || column < 1) {
            throw new IllegalArgumentException("bad span " + start + ".." + end + " at " + line + ":" + column);
        }
    }

    /** The span of {@code [start, end)} in {@code text}, with its line and column computed. */
    public static Span of(String text, int start, int end) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < start; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return new Span(start, end, line, start - lineStart + 1);
    }

    public int length() {
        return end - start;
    }
}
