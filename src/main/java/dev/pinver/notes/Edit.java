package dev.pinver.notes;

import java.util.List;

/**
 * A replacement of {@code [start, end)} in a text.
 *
 * @param start first replaced offset
 * @param end offset after the replaced text
 * @param replacement the new text
 */
record Edit(int start, int end, String replacement) {

    /** Applies non-overlapping edits sorted by {@code start}; an edit overlapping an earlier one is skipped. */
    static String apply(String text, List<Edit> sorted) {
        StringBuilder sb = new StringBuilder(text.length());
        int at = 0;
        for (Edit e : sorted) {
            if (e.start < at) {
                continue;
            }
            sb.append(text, at, e.start).append(e.replacement);
            at = e.end;
        }
        return sb.append(text, at, text.length()).toString();
    }
}
