package dev.pinver.notes;

import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code notes --format markdown}: a summary of the flagged lines, then each release's section as
 * written (newest first), control characters removed. A reStructuredText section is shown in an
 * {@code rst} code block so it renders as written. For a pull-request body, pass the result through
 * {@link PrBody#sanitise}.
 */
public final class NotesMarkdown {

    private static final Pattern BACKTICKS = Pattern.compile("`+");
    private static final String SPECIAL = "\\`*_[]<>#!|~&";

    private NotesMarkdown() {
    }

    public static String render(NotesReport report) {
        StringBuilder sb = new StringBuilder();
        List<NotesReport.Flagged> flagged = report.flagged();
        if (report.releases().isEmpty()) {
            sb.append("No release notes for ").append(escape(NotesText.title(report))).append(".\n");
            return sb.toString();
        }
        if (!flagged.isEmpty()) {
            sb.append("**Read first** (").append(escape(NotesText.title(report))).append("):\n\n");
            for (NotesReport.Flagged f : flagged) {
                sb.append("- **").append(f.flag().kind().id()).append("** (").append(escape(f.version())).append("): ")
                        .append(escape(f.flag().line())).append('\n');
            }
            sb.append("\n---\n\n");
        }
        for (int i = 0; i < report.releases().size(); i++) {
            Release r = report.releases().get(i);
            String text = UntrustedText.stripControls(r.text());
            if (i > 0) {
                sb.append("\n\n");
            }
            if (r.format() == ChangelogFormat.MARKDOWN) {
                sb.append(text);
            } else {
                String fence = "`".repeat(Math.max(3, longestBacktickRun(text) + 1));
                sb.append(fence).append("rst\n").append(text).append('\n').append(fence);
            }
        }
        return sb.append('\n').toString();
    }

    public static void write(NotesReport report, PrintWriter out) {
        out.print(render(report));
        out.flush();
    }

    /** Plain text made literal in Markdown: its punctuation that could start markup escaped. */
    static String escape(String text) {
        return MarkdownTree.escape(text, SPECIAL);
    }

    private static int longestBacktickRun(String text) {
        int longest = 0;
        Matcher m = BACKTICKS.matcher(text);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        return longest;
    }
}
