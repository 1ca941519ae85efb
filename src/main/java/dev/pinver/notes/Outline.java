package dev.pinver.notes;

import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The parts of a changelog that slicing and flagging need, whatever its markup: the top-level
 * headings and the prose blocks (paragraphs, list items' text), each with its offset in the text.
 *
 * @param headings top-level headings in document order
 * @param blocks prose blocks in document order
 * @param end where release content stops: the text's length, or the start of trailing link
 *     definitions that belong to no release
 */
record Outline(List<Heading> headings, List<Block> blocks, int end) {

    /** The index of the first heading that starts after {@code offset}. */
    int firstHeadingAfter(int offset) {
        return firstAfter(headings.size(), k -> headings.get(k).start(), offset);
    }

    /** The index of the first block that starts after {@code offset}. */
    int firstBlockAfter(int offset) {
        return firstAfter(blocks.size(), k -> blocks.get(k).start(), offset);
    }

    private static int firstAfter(int size, IntUnaryOperator start, int offset) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (start.applyAsInt(mid) > offset) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /**
     * A heading.
     *
     * @param level 1 for the outermost
     * @param title its text without markup
     * @param start offset of its first line (the overline, for an overlined reStructuredText title)
     * @param end offset just after its last line's content (the underline, for setext and reStructuredText)
     * @param line 1-based line of {@code start}
     */
    record Heading(int level, String title, int start, int end, int line) {
    }

    /**
     * A paragraph or the text of a list item.
     *
     * @param text its words without markup, on one line
     * @param masked {@code text} with inline code replaced by spaces, for keyword matching
     * @param start offset of its first character
     * @param end offset just after its last character
     * @param item true for the first paragraph of an outermost list item: the blocks that a
     *     heading such as "Removed" speaks about
     */
    record Block(String text, String masked, int start, int end, boolean item) {
    }
}
