package dev.pinver.notes;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The notes of one release.
 *
 * @param version the version its heading names, without a leading {@code v}
 * @param date its date: from the heading, else from a first paragraph that is only a date
 * @param line the 1-based line of its heading in the changelog (1 for a release body)
 * @param text its section exactly as written in the changelog, from the heading to the last
 *     non-blank character before the next release
 * @param flagged the lines that announce breaking changes, removals, security fixes or
 *     deprecations, in document order
 * @param format the markup of {@code text}
 */
public record Release(String version, Optional<LocalDate> date, int line, String text, List<Flag> flagged,
        ChangelogFormat format) {

    /** The longest flagged line kept; longer paragraphs are cut with an ellipsis. */
    static final int MAX_FLAGGED_LINE = 500;

    public Release {
        flagged = List.copyOf(flagged);
    }

    /** A release whose notes are a document of their own, such as a GitHub release body. */
    public static Release ofBody(String version, Optional<LocalDate> date, String markdown) {
        String text = UntrustedText.bound(markdown).text();
        Outline outline = ChangelogFormat.MARKDOWN.outline(text);
        return new Release(version, date, 1, text, flags(outline, -1, text.length()), ChangelogFormat.MARKDOWN);
    }

    /**
     * The flagged blocks between {@code from} (exclusive: the release heading itself gives no
     * context) and {@code to}. A heading inside sets the context of the outermost list items under
     * it until a heading of the same or a higher level.
     */
    static List<Flag> flags(Outline outline, int from, int to) {
        List<Flag> out = new ArrayList<>();
        Deque<Context> contexts = new ArrayDeque<>();
        List<Outline.Heading> headings = outline.headings();
        List<Outline.Block> blocks = outline.blocks();
        int h = outline.firstHeadingAfter(from);
        for (int i = outline.firstBlockAfter(from);
                i < blocks.size() && blocks.get(i).start() < to; i++) {
            Outline.Block b = blocks.get(i);
            while (h < headings.size() && headings.get(h).start() < b.start()) {
                Outline.Heading heading = headings.get(h++);
                while (!contexts.isEmpty() && contexts.peek().level() >= heading.level()) {
                    contexts.pop();
                }
                contexts.push(new Context(heading.level(), Flagger.ofHeading(heading.title()).orElse(null)));
            }
            Flag.Kind context = !b.item() ? null
                    : contexts.stream().map(Context::kind).filter(k -> k != null).findFirst().orElse(null);
            Flag.Kind kind = Flagger.classify(b.masked()).map(k -> k.max(context)).orElse(context);
            if (kind != null && !b.text().isEmpty()) {
                out.add(new Flag(kind, clip(b.text())));
            }
        }
        return out;
    }

    static String clip(String line) {
        if (line.length() <= MAX_FLAGGED_LINE) {
            return line;
        }
        int cut = MAX_FLAGGED_LINE - 1;
        if (Character.isLowSurrogate(line.charAt(cut))) {
            cut--;
        }
        return line.substring(0, cut) + "…";
    }

    private record Context(int level, Flag.Kind kind) {
    }
}
