package dev.pinver.notes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.version.MavenScheme;
import dev.pinver.version.NpmScheme;
import dev.pinver.version.Pep440Scheme;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Untrusted text of any shape: parsing, slicing, rendering and sanitising never fail and keep
 * their promises (sections are cuts of the text; PR bodies stay within the limit).
 */
class NotesRobustnessTest {

    /** Pieces that exercise headings, versions, markup, HTML, escapes and line structure. */
    private static final List<String> PIECES = List.of("\n", "\n\n", "\r\n", "## ", "# ", "### ", "=====", "-----",
            "~~~~~", "* ", "  - ", "1. ", "> ", "```", "    ", "\t", "1.0.0", "v2.3", "0.46.0rc1", "2.0.0-beta.1",
            "(2020-01-02)", " / 2021-12-16", "[", "]", "(", ")", "<b>", "</b>", "<script>", "<!--", "-->", "`", "``",
            "*", "_", "\\", "&#64;", "@alice", "#12", "o/r#3", "GH-4", "https://github.com/o/r/pull/5", "removed",
            "BREAKING CHANGE", "deprecated", "CVE-2020-1234", "Unreleased", "::", ".. note::", "\u001B[31m", "\u001B]0;x",
            "\u202E", "\u0000", "\uD800", "😀", "é", "word", " ");

    @Test
    void randomTextNeverBreaksTheNotes() {
        Random random = new Random(20240229L);
        List<ReleaseOrder<?>> orders = List.of(ReleaseOrder.lenient(), ReleaseOrder.of(new Pep440Scheme()),
                ReleaseOrder.of(new NpmScheme()), ReleaseOrder.of(new MavenScheme()));
        for (int i = 0; i < 200; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(120);
            for (int k = 0; k < n; k++) {
                sb.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String text = sb.toString();
            for (ChangelogFormat format : ChangelogFormat.values()) {
                Changelog log = Changelog.parse(text, format);
                for (Release r : log.releases()) {
                    assertTrue(log.text().contains(r.text()), "a section is a cut of the text: " + text);
                }
                for (ReleaseOrder<?> order : orders) {
                    log.unordered(order);
                    NotesReport report = new NotesReport("p", "pypi", Optional.empty(), Optional.empty(), "s",
                            log.between(null, null, order));
                    NotesText.render(report, true);
                    NotesText.render(report, false);
                    String md = NotesMarkdown.render(report);
                    NotesJson.write(report, new StringWriter());
                    assertTrue(PrBody.sanitise(md, "https://x").length() <= PrBody.LIMIT);
                }
            }
            if (i % 25 == 0) {
                assertTrue(PrBody.sanitise(text.repeat(PrBody.LIMIT / (text.length() + 1) + 2), "https://x").length()
                        <= PrBody.LIMIT);
            }
        }
    }
}
