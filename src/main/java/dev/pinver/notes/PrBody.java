package dev.pinver.notes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;

/**
 * Release notes made safe to put into a GitHub pull-request body:
 * <ol>
 * <li>control characters and escape sequences are removed ({@link UntrustedText#stripControls});
 * <li>raw HTML is removed ({@link UntrustedText#stripHtml});
 * <li>links to issues, pull requests, discussions and commits on {@code github.com} go through
 *     {@code redirect.github.com}, which GitHub documents for linking without creating a backlink
 *     in the linked thread;
 * <li>in prose (not in code), {@code @name} and {@code @org/team} get a zero-width space after the
 *     {@code @} so nobody is pinged, and {@code #123}, {@code owner/repo#123} and {@code GH-123} get one
 *     after {@code #} or {@code GH-} so they link nowhere and notify no repository; text the source
 *     wrote with escapes or entities ({@code \@name}, {@code &#64;name}) is rewritten with every
 *     punctuation character escaped, so what renders is exactly the neutralised text;
 * <li>the result is cut at a line end to stay within {@value #LIMIT} characters, closing a code
 *     fence left open, and ends with a "… truncated; full notes: LINK" line.
 * </ol>
 */
public final class PrBody {

    /** GitHub's limit on a pull-request body, in characters. */
    public static final int LIMIT = 65_536;

    private static final String ZWSP = "\u200B";
    /** Text beyond this cannot fit however much HTML it loses; it is cut before the work. */
    private static final int WORK_LIMIT = 4 * LIMIT;

    private static final Pattern GITHUB_THREAD = Pattern.compile(
            "https?://(?:www\\.)?github\\.com/(?=[\\w.-]+/[\\w.-]+/(?:issues|pull|discussions|commit)/)");
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_`/.@+-])@(?=[A-Za-z0-9][A-Za-z0-9-]*)");
    private static final Pattern ISSUE_REF = Pattern.compile(
            "(?<![\\p{L}\\p{N}_/.#&-])(?:[A-Za-z0-9][\\w.-]*/[\\w.-]+)?#(?=\\d)");
    private static final Pattern GH_REF = Pattern.compile("(?<![\\p{L}\\p{N}_])GH-(?=\\d)", Pattern.CASE_INSENSITIVE);
    private static final String ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private PrBody() {
    }

    /**
     * {@code markdown} neutralised and bounded; {@code fullNotes} is the link written after a cut
     * (null: the line names no link).
     */
    public static String sanitise(String markdown, String fullNotes) {
        boolean cut = markdown.length() > WORK_LIMIT;
        String s = cut ? markdown.substring(0, Math.max(0, markdown.lastIndexOf('\n', WORK_LIMIT))) : markdown;
        s = UntrustedText.stripHtml(UntrustedText.stripControls(s));
        s = avoidBacklinks(s);
        s = neutraliseReferences(s);
        return truncate(s, fullNotes == null ? null : UntrustedText.oneLine(fullNotes), cut);
    }

    /** {@code github.com} thread links outside code through {@code redirect.github.com}. */
    static String avoidBacklinks(String markdown) {
        List<int[]> code = codeRanges(MarkdownTree.parse(markdown));
        List<Edit> edits = new ArrayList<>();
        Matcher m = GITHUB_THREAD.matcher(markdown);
        while (m.find()) {
            if (!inside(code, m.start())) {
                edits.add(new Edit(m.start(), m.end(), "https://redirect.github.com/"));
            }
        }
        return Edit.apply(markdown, edits);
    }

    /** Mentions and cross-references in prose made inert. */
    static String neutraliseReferences(String markdown) {
        List<Edit> edits = new ArrayList<>();
        for (Node n : MarkdownTree.preorder(MarkdownTree.parse(markdown))) {
            if (!(n instanceof Text t) || n.getSourceSpans().size() != 1) {
                continue;
            }
            SourceSpan span = n.getSourceSpans().get(0);
            int start = span.getInputIndex();
            String source = markdown.substring(start, start + span.getLength());
            if (source.equals(t.getLiteral())) {
                String inert = neutralise(source);
                if (!inert.equals(source)) {
                    edits.add(new Edit(start, start + source.length(), inert));
                }
            } else {
                String inert = neutralise(t.getLiteral());
                if (!inert.equals(t.getLiteral())) {
                    edits.add(new Edit(start, start + source.length(), MarkdownTree.escape(inert, ASCII_PUNCTUATION)));
                }
            }
        }
        edits.sort(Comparator.comparingInt(Edit::start));
        return Edit.apply(markdown, edits);
    }

    static String neutralise(String text) {
        String s = MENTION.matcher(text).replaceAll("@" + ZWSP);
        s = ISSUE_REF.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group() + ZWSP));
        return GH_REF.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group() + ZWSP));
    }

    /** At most {@link #LIMIT} characters; a cut text ({@code cut}: cut already) ends with the truncation line. */
    static String truncate(String markdown, String fullNotes, boolean cut) {
        if (markdown.length() <= LIMIT && !cut) {
            return markdown;
        }
        boolean linked = fullNotes != null && !fullNotes.isEmpty();
        String footer = "\n\n… truncated" + (linked ? "; full notes: " + fullNotes : "");
        if (footer.length() >= LIMIT) {
            return footer.strip().substring(0, LIMIT);
        }
        int at = Math.min(markdown.length(), LIMIT - footer.length());
        while (true) {
            int newline = at == markdown.length() ? at : markdown.lastIndexOf('\n', at - 1);
            at = newline > 0 ? newline : Character.isLowSurrogate(markdown.charAt(at)) ? at - 1 : at;
            String kept = markdown.substring(0, at).stripTrailing();
            String fence = closeOpenFence(kept);
            if (kept.length() + fence.length() + footer.length() <= LIMIT) {
                return kept + fence + footer;
            }
            at = Math.max(0, LIMIT - footer.length() - fence.length());
            if (newline <= 0) {
                return footer.strip();
            }
        }
    }

    /** A closing fence when {@code markdown} ends inside a fenced code block, else nothing. */
    private static String closeOpenFence(String markdown) {
        Node last = MarkdownTree.parse(markdown);
        while (last.getLastChild() != null) {
            last = last.getLastChild();
            if (last instanceof FencedCodeBlock f && f.getClosingFenceLength() == null) {
                return "\n" + String.valueOf(f.getFenceCharacter()).repeat(f.getOpeningFenceLength());
            }
        }
        return "";
    }

    private static List<int[]> codeRanges(Node document) {
        List<int[]> ranges = new ArrayList<>();
        for (Node n : MarkdownTree.preorder(document)) {
            if ((n instanceof Code || n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock)
                    && MarkdownTree.start(n) >= 0) {
                ranges.add(new int[] {MarkdownTree.start(n), MarkdownTree.end(n)});
            }
        }
        return ranges;
    }

    /** Whether {@code offset} lies in one of {@code ranges}, which are sorted and do not overlap. */
    private static boolean inside(List<int[]> ranges, int offset) {
        int low = 0;
        int high = ranges.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int[] r = ranges.get(mid);
            if (offset < r[0]) {
                high = mid - 1;
            } else if (offset >= r[1]) {
                low = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
