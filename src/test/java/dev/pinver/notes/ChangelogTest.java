package dev.pinver.notes;

import static dev.pinver.notes.ChangelogCorpusTest.versions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.version.InvalidSpecException;
import dev.pinver.version.NpmScheme;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Slicing Markdown changelogs written for these tests: heading styles, levels, boundaries, order. */
class ChangelogTest {

    static String resource(String name) throws IOException {
        try (InputStream in = ChangelogTest.class.getResourceAsStream("/notes/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static final ReleaseOrder<LenientVersion> LENIENT = ReleaseOrder.lenient();

    @Test
    void keepAChangelogOrdersByVersionNotPosition() throws IOException {
        Changelog log = Changelog.parse(resource("keep-a-changelog.md"), ChangelogFormat.MARKDOWN);
        assertEquals(List.of("2.1.0", "1.9.5", "2.0.0", "1.9.4"), versions(log.releases()));
        assertEquals(List.of("2.0.0", "1.9.5"), versions(log.between("1.9.4", "2.0.0", LENIENT)));
        assertEquals(List.of("1.9.5", "1.9.4"), versions(log.between(null, "1.9.5", LENIENT)));
        assertEquals(List.of("2.1.0"), versions(log.between("2.0.0", null, LENIENT)));
        assertEquals(List.of("2.1.0", "2.0.0", "1.9.5", "1.9.4"), versions(log.between(null, null, LENIENT)));
        assertEquals(List.of(), log.between("2.1.0", "2.0.0", LENIENT));
        assertEquals(List.of("2.0.0"), versions(log.between("1.9.9", "2.0.5", LENIENT)), "bounds need not be releases");
    }

    @Test
    void keepAChangelogSections() throws IOException {
        Changelog log = Changelog.parse(resource("keep-a-changelog.md"), ChangelogFormat.MARKDOWN);
        Release v200 = log.releases().get(2);
        assertEquals("""
                ## [2.0.0] - 2024-01-10

                ### Removed

                - The `legacy` option.

                ### Changed

                - **BREAKING CHANGE**: configuration is read from `pyproject.toml`.
                - Non-breaking change: faster start-up.""", v200.text());
        assertEquals(Optional.of(LocalDate.of(2024, 1, 10)), v200.date());
        assertEquals(List.of(new Flag(Flag.Kind.REMOVAL, "The legacy option."),
                new Flag(Flag.Kind.BREAKING, "BREAKING CHANGE: configuration is read from pyproject.toml.")), v200.flagged());
        Release v194 = log.releases().get(3);
        assertEquals("## [1.9.4] - 2023-12-01\n\n- Security fix for GHSA-pj86-cfqh-vqx6.", v194.text(),
                "trailing link definitions belong to no release");
        assertEquals(List.of(new Flag(Flag.Kind.SECURITY, "Security fix for GHSA-pj86-cfqh-vqx6.")), v194.flagged());
        assertEquals(11, log.releases().get(0).line());
    }

    @Test
    void setextHeadingsAndTheUnreleasedTitle() {
        String md = """
                Unreleased
                ==========

                * Not yet.

                1.1.0 / 2020-02-01
                ==================

                Fixes
                -----

                * Fix a bug.

                1.0.0 / 2020-01-01
                ==================

                * First.
                """;
        Changelog log = Changelog.parse(md, ChangelogFormat.MARKDOWN);
        assertEquals(List.of("1.1.0", "1.0.0"), versions(log.releases()));
        assertEquals("1.1.0 / 2020-02-01\n==================\n\nFixes\n-----\n\n* Fix a bug.", log.releases().get(0).text());
        assertEquals("1.0.0 / 2020-01-01\n==================\n\n* First.", log.releases().get(1).text());
    }

    @Test
    void theMostCommonLevelHoldsReleases() {
        String md = """
                # mylib 3.0.0

                The title names a version too, but most versions are level 3.

                ## 2.x

                ### 2.1.0

                #### Fixes

                * Fix.

                ### 2.0.0

                * Start.

                ## 1.x

                ### 1.0.0

                * Old.
                """;
        Changelog log = Changelog.parse(md, ChangelogFormat.MARKDOWN);
        assertEquals(List.of("3.0.0", "2.1.0", "2.0.0", "1.0.0"), versions(log.releases()));
        assertEquals("### 2.1.0\n\n#### Fixes\n\n* Fix.", log.releases().get(1).text());
        assertEquals("### 2.0.0\n\n* Start.", log.releases().get(2).text(), "ends at the shallower series heading");
        assertEquals("# mylib 3.0.0\n\nThe title names a version too, but most versions are level 3.",
                log.releases().get(0).text());
    }

    @Test
    void unreleasedAtTheReleaseLevelEndsASectionAndOtherHeadingsDoNot() {
        String md = """
                ## 1.1.0

                ## Highlights

                * Kept in 1.1.0.

                ## Unreleased

                * Not in 1.1.0.

                ## 1.0.0

                * First.
                """;
        Changelog log = Changelog.parse(md, ChangelogFormat.MARKDOWN);
        assertEquals("## 1.1.0\n\n## Highlights\n\n* Kept in 1.1.0.", log.releases().get(0).text());
    }

    @Test
    void versionsInLinksAndWithNames() {
        String md = """
                ## [v0.47.0](https://github.com/o/r/compare/v0.46.0...v0.47.0) (2020-01-18)

                * Two.

                ## fastapi 0.46.0

                * One.

                ## Version 0.45.0 (6th January, 2020)

                * Zero.
                """;
        Changelog log = Changelog.parse(md, ChangelogFormat.MARKDOWN);
        assertEquals(List.of("0.47.0", "0.46.0", "0.45.0"), versions(log.releases()));
        assertEquals(Optional.of(LocalDate.of(2020, 1, 6)), log.releases().get(2).date());
    }

    @Test
    void lineEndingsAndTabsAreKept() {
        String md = "## 1.1.0\r\n\r\n*\tTabbed item\r\n\r\n## 1.0.0\r\n\r\n* First\r\n";
        Changelog log = Changelog.parse(md, ChangelogFormat.MARKDOWN);
        assertEquals("## 1.1.0\r\n\r\n*\tTabbed item", log.releases().get(0).text());
        assertEquals("## 1.0.0\r\n\r\n* First", log.releases().get(1).text());
    }

    @Test
    void aChangelogWithoutVersionsHasNoReleases() {
        Changelog log = Changelog.parse("# Notes\n\n## Features\n\n* A thing.\n", ChangelogFormat.MARKDOWN);
        assertEquals(List.of(), log.releases());
        assertEquals(List.of(), log.between(null, null, LENIENT));
    }

    @Test
    void boundsThatAreNotVersionsAreRejected() throws IOException {
        Changelog log = Changelog.parse(resource("keep-a-changelog.md"), ChangelogFormat.MARKDOWN);
        assertThrows(InvalidSpecException.class, () -> log.between("latest", null, LENIENT));
        assertThrows(InvalidSpecException.class, () -> log.between(null, "banana", ReleaseOrder.of(new NpmScheme())));
    }

    @Test
    void releasesTheOrderCannotPlaceAreLeftOut() {
        String md = "## 1.1.0\n\n* A.\n\n## 1.0.0.post1\n\n* B.\n\n## 1.0.0\n\n* C.\n";
        Changelog log = Changelog.parse(md, ChangelogFormat.MARKDOWN);
        ReleaseOrder<?> npm = ReleaseOrder.of(new NpmScheme());
        assertEquals(List.of("1.0.0.post1"), versions(log.unordered(npm)));
        assertEquals(List.of("1.1.0", "1.0.0"), versions(log.between(null, null, npm)));
        assertEquals(List.of("1.1.0", "1.0.0.post1", "1.0.0"), versions(log.between(null, null, LENIENT)));
    }

    @Test
    void aCallersComparatorDecidesTheOrder() {
        String md = "## 1.10.0\n\n## 1.9.0\n\n## 1.2.0\n";
        Changelog log = Changelog.parse(md, ChangelogFormat.MARKDOWN);
        ReleaseOrder<String> alphabetical = ReleaseOrder.comparing(String::compareTo);
        assertEquals(List.of("1.9.0", "1.2.0", "1.10.0"), versions(log.between(null, null, alphabetical)));
        assertEquals(List.of("1.10.0", "1.9.0", "1.2.0"), versions(log.between(null, null, LENIENT)));
    }

    @Test
    void inputBeyondTheLimitIsCutWithANote() {
        String line = "x".repeat(99) + "\n";
        String md = "## 1.0.1\n\n* Fix.\n\n## 1.0.0\n\n```\n" + line.repeat(UntrustedText.MAX_BYTES / 100 + 10) + "```\n";
        Changelog log = Changelog.parse(md, ChangelogFormat.MARKDOWN);
        assertTrue(log.truncated());
        assertTrue(log.text().endsWith("x\n" + UntrustedText.TRUNCATION_NOTE.substring(1)), "cut at a line end");
        assertTrue(log.text().length() <= UntrustedText.MAX_BYTES + UntrustedText.TRUNCATION_NOTE.length());
        assertEquals(List.of("1.0.1", "1.0.0"), versions(log.releases()));
        assertTrue(log.releases().get(1).text().endsWith("… (truncated: the release notes are longer than 5 MiB)"));
        assertEquals("## 1.0.1\n\n* Fix.", log.releases().get(0).text());
    }

    @Test
    void aReleaseBodyIsFlaggedLikeASection() {
        Release r = Release.ofBody("2.0.0", Optional.empty(), """
                ## What's Changed

                * Add a feature by @alice in https://github.com/o/r/pull/1

                ## ⚠️ Breaking

                * `Client()` takes keyword arguments only.
                """);
        assertEquals(List.of(new Flag(Flag.Kind.BREAKING, "Client() takes keyword arguments only.")), r.flagged());
        assertEquals(1, r.line());
    }
}
