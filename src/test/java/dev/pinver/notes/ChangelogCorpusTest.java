package dev.pinver.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.Corpus;
import dev.pinver.version.MavenScheme;
import dev.pinver.version.NpmScheme;
import dev.pinver.version.Pep440Scheme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Slicing the real changelogs in the corpus folder {@code release-notes}. */
class ChangelogCorpusTest {

    /**
     * Each file, the ecosystem whose order its versions follow, and a line pattern that finds its
     * release headings independently of the parser (for setext files: the underline).
     */
    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("fastapi__fastapi", "pypi", "^## \\d+\\.\\d+\\.\\d+ \\(\\d{4}-\\d{2}-\\d{2}\\)$", 295),
                Arguments.of("encode__starlette", "pypi", "^## \\d+\\.\\d+\\.\\d+", 120),
                Arguments.of("pydantic__pydantic", "pypi", "^## v\\d", 192),
                Arguments.of("encode__httpx", "pypi", "^## \\d", 77),
                Arguments.of("expressjs__express", "npm", "^=+$", 298),
                Arguments.of("npm__node-semver", "npm", "^#{2,3} \\[?\\d", 46),
                Arguments.of("google__gson", "maven", "^## Version \\d", 45));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyVersionHeadingIsFoundAndParsesInItsEcosystem(String file, String ecosystem, String heading, int count)
            throws IOException {
        String source = read(file);
        Pattern p = Pattern.compile(heading);
        long expected = source.lines().filter(l -> p.matcher(l).find()).count();
        assertEquals(count, expected, "the independent heading count of " + file);
        Changelog log = Changelog.parse(source, ChangelogFormat.MARKDOWN);
        assertEquals(count, log.releases().size());
        ReleaseOrder<?> scheme = order(ecosystem);
        assertEquals(List.of(), log.unordered(scheme).stream().map(Release::version).toList());
        assertEquals(List.of(), log.unordered(ReleaseOrder.lenient()).stream().map(Release::version).toList());
        assertEquals(versions(log.between(null, null, scheme)), versions(log.between(null, null, ReleaseOrder.lenient())),
                "the lenient order agrees with the " + ecosystem + " order");
    }

    /**
     * Each release's text is the source from its heading line on, byte for byte, and between one
     * release and the next there is only white space: nothing is lost or duplicated.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void sectionsAreExactCutsOfTheSource(String file, String ecosystem, String heading, int count) throws IOException {
        String source = read(file);
        List<Release> releases = Changelog.parse(source, ChangelogFormat.MARKDOWN).releases();
        int[] lineStarts = lineStarts(source);
        for (int i = 0; i < releases.size(); i++) {
            Release r = releases.get(i);
            int start = lineStarts[r.line() - 1];
            assertTrue(source.startsWith(r.text(), start), r.version() + " is not the source at line " + r.line());
            assertEquals(r.text().getBytes(StandardCharsets.UTF_8).length,
                    source.substring(start, start + r.text().length()).getBytes(StandardCharsets.UTF_8).length);
            if (i + 1 < releases.size()) {
                String gap = source.substring(start + r.text().length(), lineStarts[releases.get(i + 1).line() - 1]);
                assertTrue(gap.isBlank(), "between " + r.version() + " and the next release: " + gap);
            }
        }
    }

    @Test
    void fastapiFrom045To047() throws IOException {
        List<Release> slice = between("fastapi__fastapi", "0.45.0", "0.47.0");
        assertEquals(List.of("0.47.0", "0.46.0"), versions(slice));
        assertEquals(Optional.of(LocalDate.of(2020, 1, 18)), slice.get(0).date());
        assertEquals(Optional.of(LocalDate.of(2020, 1, 8)), slice.get(1).date());
        assertEquals(List.of("## 0.47.0 (2020-01-18)", "",
                "* Refactor documentation to make a simpler and shorter [Tutorial - User Guide](https://fastapi.tiangolo.com/tutorial/) and an additional [Advanced User Guide](https://fastapi.tiangolo.com/advanced/) with all the additional docs. PR [#887](https://github.com/tiangolo/fastapi/pull/887)."),
                slice.get(0).text().lines().limit(3).toList());
        assertEquals("## 0.46.0 (2020-01-08)", slice.get(1).text().lines().findFirst().orElseThrow());
        assertTrue(slice.get(1).text().endsWith("PR [#789](https://github.com/tiangolo/fastapi/pull/789)."));
        assertEquals(6733, slice.get(0).line());
        assertEquals(6745, slice.get(1).line());
    }

    /** Same-level headings that name no version ({@code ## Features}) stay in their release. */
    @Test
    void fastapi0104KeepsItsMisleveledSubheadings() throws IOException {
        Release r = between("fastapi__fastapi", "0.103.2", "0.104.0").get(0);
        assertEquals("0.104.0", r.version());
        assertTrue(r.text().contains("\n## Features\n") && r.text().contains("\n## Upgrades\n")
                && r.text().contains("\n### Internal\n"));
        assertEquals(List.of(new Flag(Flag.Kind.REMOVAL,
                "⬆️ Drop support for Python 3.7, require Python 3.8 or above. PR #10442 by @tiangolo.")), r.flagged());
    }

    @Test
    void expressSetextFrom4170To4172() throws IOException {
        List<Release> slice = between("expressjs__express", "4.17.0", "4.17.2");
        assertEquals(List.of("4.17.2", "4.17.1"), versions(slice));
        assertEquals(List.of("4.17.2 / 2021-12-16", "===================", "",
                "  * Fix handling of `undefined` in `res.jsonp`"), slice.get(0).text().lines().limit(4).toList());
        assertTrue(slice.get(0).text().endsWith("  * deps: setprototypeof@1.2.0"));
        assertEquals("4.17.1 / 2019-05-25\n===================\n\n"
                + "  * Revert \"Improve error message for `null`/`undefined` to `res.status`\"", slice.get(1).text());
        assertEquals(Optional.of(LocalDate.of(2019, 5, 25)), slice.get(1).date());
        assertEquals(List.of(new Flag(Flag.Kind.DEPRECATION, "Use req.socket over deprecated req.connection")),
                slice.get(0).flagged());
    }

    /** Pre-releases of 5.0.0 lie between 4.20.0 and 5.0.0, in version order. */
    @Test
    void expressMajorUpgradeIncludesItsPrereleases() throws IOException {
        assertEquals(List.of("5.0.0", "5.0.0-beta.3", "5.0.0-beta.2", "5.0.0-beta.1", "5.0.0-alpha.8", "5.0.0-alpha.7",
                "5.0.0-alpha.6", "5.0.0-alpha.5", "5.0.0-alpha.4", "5.0.0-alpha.3", "5.0.0-alpha.2", "5.0.0-alpha.1"),
                versions(between("expressjs__express", "4.20.0", "5.0.0")));
    }

    @Test
    void httpxFrom0230To0240() throws IOException {
        List<Release> slice = between("encode__httpx", "0.23.0", "0.24.0");
        assertEquals(List.of("0.24.0", "0.23.3", "0.23.2", "0.23.1"), versions(slice));
        assertEquals(Optional.of(LocalDate.of(2023, 4, 6)), slice.get(0).date());
        assertEquals(Optional.of(LocalDate.of(2022, 11, 18)), slice.get(3).date());
        assertEquals(List.of("## 0.24.0 (6th April, 2023)", "", "### Changed"), slice.get(0).text().lines().limit(3).toList());
        assertEquals(List.of(Flag.Kind.BREAKING, Flag.Kind.BREAKING, Flag.Kind.REMOVAL),
                slice.get(0).flagged().stream().map(Flag::kind).toList());
        assertEquals("The rfc3986 dependancy has been removed. (#2252)", slice.get(0).flagged().get(2).line());
        // items under "### Removed" are removals whatever their words
        assertTrue(slice.get(3).flagged().contains(new Flag(Flag.Kind.REMOVAL, "Drop RawURL. (#2241)")));
    }

    @ParameterizedTest(name = "{0} ({1}, {2}]")
    @CsvSource(delimiter = '|', value = {
        "encode__starlette  | 0.45.3   | 0.46.2   | 0.46.2 0.46.1 0.46.0      | ## 0.46.2 (April 13, 2025)",
        "pydantic__pydantic | 2.13.4   | 2.14.0b1 | 2.14.0b1 2.14.0a1         | ## v2.14.0b1 (2026-08-06)",
        "pydantic__pydantic | 1.8.2    | 1.9.0    | 1.9.0                     | ## v1.9.0 (2021-12-31)",
        "npm__node-semver   | 7.3.5    | 7.3.8    | 7.3.8 7.3.7 7.3.6         | ## [7.3.8](https://github.com/npm/node-semver/compare/v7.3.7...v7.3.8) (2022-10-04)",
        "npm__node-semver   | 5.6.0    | 6.0.0    | 6.0 5.7                   | ## 6.0",
        "google__gson       | 2.8.5    | 2.8.7    | 2.8.7 2.8.6               | ## Version 2.8.7",
    })
    void sliceFirstLines(String file, String from, String to, String expected, String firstLine) throws IOException {
        List<Release> slice = between(file, from, to);
        assertEquals(List.of(expected.split(" ")), versions(slice));
        assertEquals(firstLine, slice.get(0).text().lines().findFirst().orElseThrow());
    }

    /** node-semver's patch releases are {@code ###} headings next to {@code ### Bug Fixes}: each is its own release. */
    @Test
    void nodeSemverDeeperBareHeadingsAreReleases() throws IOException {
        Release r737 = between("npm__node-semver", "7.3.6", "7.3.7").get(0);
        assertEquals(Optional.of(LocalDate.of(2022, 4, 11)), r737.date());
        assertTrue(r737.text().contains("### Bug Fixes") && r737.text().contains("revert to lru-cache@6"));
        assertTrue(!r737.text().contains("### [7.3.6]"), "7.3.6 has its own section");
    }

    /** pydantic's {@code ### v1.9.0a2 (…) Changes} is part of 1.9.0, not a release of its own. */
    @Test
    void pydanticChangesSubheadingsStayInTheirRelease() throws IOException {
        Release r = between("pydantic__pydantic", "1.8.2", "1.9.0").get(0);
        assertTrue(r.text().contains("### v1.9.0a2 (2021-12-24) Changes"));
        assertTrue(r.flagged().contains(new Flag(Flag.Kind.REMOVAL,
                "Removed typing-only __root__ attribute from BaseModel, #3540 by @layday")));
    }

    @Test
    void openEndsTakeEverythingOnThatSide() throws IOException {
        Changelog log = load("encode__httpx");
        List<Release> newest = log.between("0.27.2", null, ReleaseOrder.lenient());
        assertEquals(List.of("0.28.1", "0.28.0"), versions(newest));
        List<Release> oldest = log.between(null, "0.6.3", ReleaseOrder.lenient());
        assertEquals(List.of("0.6.3", "0.6.2", "0.6.1", "0.6.0"), versions(oldest));
        assertEquals(77, log.between(null, null, ReleaseOrder.lenient()).size());
    }

    @Test
    void starletteDatesInMonthFirstForm() throws IOException {
        Release r = between("encode__starlette", "0.47.2", "0.47.3").get(0);
        assertEquals(Optional.of(LocalDate.of(2025, 8, 24)), r.date());
    }

    @Test
    void gsonDatesFromTheFirstParagraph() throws IOException {
        Changelog log = load("google__gson");
        Release r = log.between("1.3-beta2", "1.3-beta3", ReleaseOrder.lenient()).get(0);
        assertEquals("1.3-beta3", r.version());
        assertEquals(Optional.of(LocalDate.of(2009, 3, 17)), r.date());
        Release undated = log.between("2.9.1", "2.10", ReleaseOrder.lenient()).get(0);
        assertEquals(Optional.empty(), undated.date());
    }

    static ReleaseOrder<?> order(String ecosystem) {
        return switch (ecosystem) {
            case "pypi" -> ReleaseOrder.of(new Pep440Scheme());
            case "npm" -> ReleaseOrder.of(new NpmScheme());
            default -> ReleaseOrder.of(new MavenScheme());
        };
    }

    private static List<Release> between(String file, String from, String to) throws IOException {
        return load(file).between(from, to, ReleaseOrder.lenient());
    }

    private static Changelog load(String file) throws IOException {
        return Changelog.parse(read(file), ChangelogFormat.MARKDOWN);
    }

    static String read(String prefix) throws IOException {
        Path p = Corpus.files("release-notes").stream().filter(f -> f.getFileName().toString().startsWith(prefix))
                .findFirst().orElseThrow();
        return Files.readString(p);
    }

    static List<String> versions(List<Release> releases) {
        return releases.stream().map(Release::version).toList();
    }

    private static int[] lineStarts(String s) {
        int[] starts = new int[(int) s.chars().filter(c -> c == '\n').count() + 1];
        int k = 1;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                starts[k++] = i + 1;
            }
        }
        return starts;
    }
}
