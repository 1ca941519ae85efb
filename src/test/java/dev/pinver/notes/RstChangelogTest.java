package dev.pinver.notes;

import static dev.pinver.notes.ChangelogCorpusTest.versions;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** reStructuredText changelogs: the fixture {@code notes/CHANGES.rst}. */
class RstChangelogTest {

    private static Changelog fixture() throws IOException {
        return Changelog.parse(ChangelogTest.resource("CHANGES.rst"), ChangelogFormat.forFileName("CHANGES.rst"));
    }

    @Test
    void findsTheReleasesAtTheirLevel() throws IOException {
        Changelog log = fixture();
        assertEquals(List.of("2.1.0", "2.0.0", "2.0.0rc1", "1.9.2", "1.9.1"), versions(log.releases()));
        assertEquals(List.of(14, 29, 48, 57, 63), log.releases().stream().map(Release::line).toList());
        assertEquals(List.of(Optional.of(LocalDate.of(2024, 3, 1)), Optional.of(LocalDate.of(2023, 12, 24)),
                Optional.<LocalDate>empty(), Optional.of(LocalDate.of(2023, 1, 5)), Optional.<LocalDate>empty()),
                log.releases().stream().map(Release::date).toList());
    }

    @Test
    void sectionsAreExactAndSubsectionsStayInside() throws IOException {
        Changelog log = fixture();
        assertEquals("""
                2.1.0 (2024-03-01)
                ------------------

                Added
                ~~~~~

                * ``Client.close()`` waits for pending requests.
                * New :class:`Pool` option ``max_idle``.

                Removed
                ~~~~~~~

                * The ``legacy`` extra.
                - Removed support for Python 3.7.""", log.releases().get(0).text());
        // the heading-like lines in the literal block are not a heading
        String v200 = log.releases().get(1).text();
        assertEquals(true, v200.contains("      3.0.0\n      -----\n") && v200.endsWith("use ``Client.get().json()``."));
        // an underline shorter than its title makes no heading
        assertEquals(true, log.releases().get(2).text().endsWith("A long line that looks like a title\n---"));
        assertEquals("""
                `1.9.1 <https://example.com/releases/1.9.1>`_
                ---------------------------------------------

                * First release of the 1.9 series with wheels.""", log.releases().get(4).text());
        for (Release r : log.releases()) {
            String source = log.text();
            int at = source.indexOf(r.text());
            assertEquals(r.text(), source.substring(at, at + r.text().length()));
            assertEquals(r.line(), source.substring(0, at).split("\n", -1).length);
        }
    }

    @Test
    void slicesByVersion() throws IOException {
        assertEquals(List.of("2.0.0", "2.0.0rc1"), versions(fixture().between("1.9.2", "2.0.0", ReleaseOrder.lenient())));
        assertEquals(List.of("1.9.2", "1.9.1"), versions(fixture().between(null, "1.9.2", ReleaseOrder.lenient())));
    }

    @Test
    void flagsItemsByWordsAndByHeading() throws IOException {
        Changelog log = fixture();
        assertEquals(List.of(new Flag(Flag.Kind.REMOVAL, "The legacy extra."),
                new Flag(Flag.Kind.REMOVAL, "Removed support for Python 3.7.")), log.releases().get(0).flagged());
        assertEquals(List.of(new Flag(Flag.Kind.BREAKING, "Client.send() returns a Response."),
                new Flag(Flag.Kind.DEPRECATION, "Client.get_json() is deprecated; use Client.get().json().")),
                log.releases().get(1).flagged());
        assertEquals(List.of(new Flag(Flag.Kind.SECURITY, "Security fix for CVE-2023-12345: headers were logged."),
                new Flag(Flag.Kind.BREAKING, "Timeouts are no longer retried.")), log.releases().get(2).flagged());
        assertEquals(List.of(), log.releases().get(3).flagged(), "fixing a DeprecationWarning deprecates nothing");
    }

    @Test
    void overlinedAndUnderlinedStylesAreDifferentLevels() {
        String rst = """
                =====
                1.1.0
                =====

                1.1.0 notes
                ===========

                * Changed.

                =====
                1.0.0
                =====

                * First.
                """;
        Changelog log = Changelog.parse(rst, ChangelogFormat.RESTRUCTURED_TEXT);
        assertEquals(List.of("1.1.0", "1.0.0"), versions(log.releases()));
        assertEquals("=====\n1.1.0\n=====\n\n1.1.0 notes\n===========\n\n* Changed.", log.releases().get(0).text());
    }

    @Test
    void everyAdornmentCharacterOfTheBriefMakesHeadings() {
        for (char c : "=-~^*+#\"'".toCharArray()) {
            String line = String.valueOf(c).repeat(5);
            String rst = "1.1.0\n" + line + "\n\n* A.\n\n1.0.0\n" + line + "\n\n* B.\n";
            Changelog log = Changelog.parse(rst, ChangelogFormat.RESTRUCTURED_TEXT);
            assertEquals(List.of("1.1.0", "1.0.0"), versions(log.releases()), "adornment " + c);
            assertEquals("1.1.0\n" + line + "\n\n* A.", log.releases().get(0).text());
        }
    }

    @Test
    void theFormatFollowsTheFileName() {
        assertEquals(ChangelogFormat.RESTRUCTURED_TEXT, ChangelogFormat.forFileName("docs/CHANGES.RST"));
        assertEquals(ChangelogFormat.RESTRUCTURED_TEXT, ChangelogFormat.forFileName("HISTORY.rest"));
        assertEquals(ChangelogFormat.MARKDOWN, ChangelogFormat.forFileName("CHANGELOG.md"));
        assertEquals(ChangelogFormat.MARKDOWN, ChangelogFormat.forFileName("History"));
    }
}
