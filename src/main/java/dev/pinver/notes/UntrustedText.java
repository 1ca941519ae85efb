package dev.pinver.notes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/**
 * Release notes come from other people's repositories and registries: this bounds their size and
 * removes what must not reach a terminal or a rendered page.
 *
 * <ul>
 * <li>{@link #bound}: at most {@value #MAX_BYTES} bytes of UTF-8; the rest is cut at a line end and
 *     replaced by a note.
 * <li>{@link #stripControls}: terminal escape sequences (CSI, OSC, DCS and the other string
 *     sequences, two-character escapes, their 8-bit C1 forms), all other C0 and C1 controls except
 *     line feed and tab, DEL, and the bidirectional formatting characters that can make text read
 *     differently from what it is (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C). A carriage
 *     return becomes a line feed (one for CR LF), so nothing can overwrite a line already shown.
 * <li>{@link #stripHtml}: raw HTML blocks and inline HTML out of Markdown, keeping the text of
 *     harmless elements ({@code <b>x</b>} → {@code x}) and dropping scripts, styles and comments.
 * </ul>
 */
public final class UntrustedText {

    /** The most release-note text read from one source: 5 MiB. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /** What replaces the text beyond {@link #MAX_BYTES}. */
    public static final String TRUNCATION_NOTE = "\n\n… (truncated: the release notes are longer than 5 MiB)\n";

    private static final int HTML_PASSES = 8;

    private UntrustedText() {
    }

    /**
     * Text cut to a size limit.
     *
     * @param text the text, ending with {@link #TRUNCATION_NOTE} when cut
     * @param truncated whether anything was cut
     */
    public record Bounded(String text, boolean truncated) {
    }

    /** {@code text} limited to {@link #MAX_BYTES} bytes of UTF-8. */
    public static Bounded bound(String text) {
        return bound(text, MAX_BYTES);
    }

    static Bounded bound(String text, int maxBytes) {
        if (text.length() <= maxBytes / 3) {
            return new Bounded(text, false);
        }
        int bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            i += Character.charCount(cp);
        }
        if (i == text.length()) {
            return new Bounded(text, false);
        }
        int cut = text.lastIndexOf('\n', i - 1);
        return new Bounded(text.substring(0, cut > 0 ? cut : i) + TRUNCATION_NOTE, true);
    }

    /** {@code text} without escape sequences, control characters or bidirectional overrides. */
    public static String stripControls(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\t') {
                out.append(c);
                i++;
            } else if (c == '\r') {
                out.append('\n');
                i += i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
            } else if (c == 0x1B) {
                i = skipEscape(text, i);
            } else if (c == 0x9B) {
                i = skipCsi(text, i + 1);
            } else if (c == 0x9D || c == 0x90 || c == 0x98 || c == 0x9E || c == 0x9F) {
                i = skipString(text, i + 1, i + 1);
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || isBidi(c)
                    || (Character.isSurrogate(c) && !validPair(text, i))) {
                i++;
            } else if (Character.isHighSurrogate(c)) {
                out.append(c).append(text.charAt(i + 1));
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** {@code text} as one clean line: controls stripped, runs of white space as one space, trimmed. */
    public static String oneLine(String text) {
        return stripControls(text).replaceAll("\\s+", " ").strip();
    }

    /**
     * Markdown without raw HTML: inline HTML is removed, an HTML block is replaced by the text of its
     * harmless elements on one line (inside a list item or quote, in place of the block's lines).
     * Removing tags can make new ones ({@code <<b>script>}), so this
     * repeats until none is left; after {@value #HTML_PASSES} passes any remaining {@code <} is
     * written as {@code &lt;}.
     */
    public static String stripHtml(String markdown) {
        String s = markdown;
        for (int pass = 0; pass <= HTML_PASSES; pass++) {
            List<Edit> edits = htmlEdits(s, pass == HTML_PASSES);
            if (edits.isEmpty()) {
                return s;
            }
            s = Edit.apply(s, edits);
        }
        return s;
    }

    private static List<Edit> htmlEdits(String markdown, boolean escape) {
        List<Edit> edits = new ArrayList<>();
        for (Node n : MarkdownTree.preorder(MarkdownTree.parse(markdown))) {
            List<SourceSpan> spans = n.getSourceSpans();
            if (!(n instanceof HtmlInline || n instanceof HtmlBlock) || spans.isEmpty()) {
                continue;
            }
            int start = spans.get(0).getInputIndex();
            SourceSpan last = spans.get(spans.size() - 1);
            int end = last.getInputIndex() + last.getLength();
            String replacement;
            if (escape) {
                replacement = markdown.substring(start, end).replace("<", "&lt;");
            } else if (n instanceof HtmlBlock block) {
                replacement = HtmlText.of(block.getLiteral());
            } else {
                replacement = "";
            }
            edits.add(new Edit(start, end, replacement));
        }
        edits.sort(Comparator.comparingInt(Edit::start));
        return edits;
    }

    private static boolean isBidi(char c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C;
    }

    private static boolean validPair(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }

    /** ESC at {@code i}: CSI, the string sequences, or a two-character escape; returns the index after it. */
    private static int skipEscape(String text, int i) {
        if (i + 1 >= text.length()) {
            return i + 1;
        }
        char next = text.charAt(i + 1);
        return switch (next) {
            case '[' -> skipCsi(text, i + 2);
            case ']', 'P', 'X', '^', '_' -> skipString(text, i + 2, i + 2);
            default -> {
                int k = i + 1;
                while (k < text.length() && text.charAt(k) >= 0x20 && text.charAt(k) <= 0x2F) {
                    k++;
                }
                yield k < text.length() && text.charAt(k) >= 0x30 && text.charAt(k) <= 0x7E ? k + 1 : k;
            }
        };
    }

    /** Parameters 0x30–0x3F, intermediates 0x20–0x2F, one final byte 0x40–0x7E. */
    private static int skipCsi(String text, int k) {
        while (k < text.length() && text.charAt(k) >= 0x20 && text.charAt(k) <= 0x3F) {
            k++;
        }
        return k < text.length() && text.charAt(k) >= 0x40 && text.charAt(k) <= 0x7E ? k + 1 : k;
    }

    /**
     * An OSC/DCS/SOS/PM/APC string up to BEL, ESC \ or ST. Unterminated, only the introducer is
     * dropped ({@code fallback}): the rest is ordinary text once the escape is gone.
     */
    private static int skipString(String text, int k, int fallback) {
        for (int j = k; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == 0x07 || c == 0x9C) {
                return j + 1;
            }
            if (c == 0x1B) {
                return j + 1 < text.length() && text.charAt(j + 1) == '\\' ? j + 2 : j;
            }
        }
        return fallback;
    }
}
