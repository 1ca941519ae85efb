package dev.pinver.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The text, Markdown and JSON forms of a notes report. */
class NotesRenderTest {

    private static NotesReport keepAChangelog() throws IOException {
        Changelog log = Changelog.parse(ChangelogTest.resource("keep-a-changelog.md"), ChangelogFormat.MARKDOWN);
        return new NotesReport("mylib", "pypi", Optional.of("1.9.4"), Optional.of("2.1.0"), "CHANGELOG.md",
                log.between("1.9.4", "2.1.0", ReleaseOrder.lenient()));
    }

    @Test
    void plainText() throws IOException {
        assertEquals("""
                mylib 1.9.4 → 2.1.0: 3 releases
                source: CHANGELOG.md

                2.1.0 (2024-03-01)

                Added
                -----

                • Feature A.

                2.0.0 (2024-01-10)
                  ! removal: The legacy option.
                  ! breaking: BREAKING CHANGE: configuration is read from pyproject.toml.

                Removed
                -------

                • The `legacy` option.

                Changed
                -------

                • BREAKING CHANGE: configuration is read from `pyproject.toml`.
                • Non-breaking change: faster start-up.

                1.9.5 (2024-02-20)

                Fixed
                -----

                • Backported fix for the cache.
                """, NotesText.render(keepAChangelog(), false));
    }

    @Test
    void colourHighlightsFlaggedLines() throws IOException {
        String out = NotesText.render(keepAChangelog(), true);
        assertTrue(out.contains("\u001B[31m• The `legacy` option.\u001B[0m\n"), out);
        assertTrue(out.contains("\u001B[1;31m• BREAKING CHANGE: configuration is read from `pyproject.toml`.\u001B[0m\n"));
        assertTrue(out.contains("\n• Non-breaking change: faster start-up.\n"), "unflagged lines stay plain");
        assertTrue(out.contains("  \u001B[31m! removal: The legacy option.\u001B[0m\n"));
        assertTrue(out.contains("\u001B[1mRemoved\u001B[0m\n\n"), "bold headings, no underline");
        assertFalse(NotesText.render(keepAChangelog(), false).contains("\u001B"));
    }

    @Test
    void blocksAndLinksForATerminal() {
        Release body = Release.ofBody("1.0.0", Optional.empty(), """
                ## What's Changed

                Intro with <b>inline</b> HTML and [a link](https://www.example.com/x "title").

                1. Fix [#887](https://github.com/o/r/pull/887) by [@alice](https://github.com/alice)
                2. See <https://example.com/x>, [docs](../docs.md) and ![logo](https://img.shields.io/b.svg)
                   * nested `code`

                > quoted **text**

                    indented code

                <div align="center">Centred words</div>

                ---
                """);
        NotesReport report = new NotesReport("pkg", "npm", Optional.empty(), Optional.empty(), "GitHub release", List.of(body));
        assertEquals("""
                pkg oldest → newest: 1 release
                source: GitHub release

                1.0.0

                What's Changed
                --------------

                Intro with inline HTML and a link (example.com).

                1. Fix #887 (github.com) by @alice (github.com)
                2. See https://example.com/x, docs and logo (img.shields.io)
                   • nested `code`

                > quoted text

                    indented code

                Centred words

                ---
                """, NotesText.render(report, false));
    }

    @Test
    void restructuredTextForATerminal() throws IOException {
        Changelog log = Changelog.parse(ChangelogTest.resource("CHANGES.rst"), ChangelogFormat.RESTRUCTURED_TEXT);
        NotesReport report = new NotesReport("mylib", "pypi", Optional.of("1.9.2"), Optional.of("2.0.0"), "CHANGES.rst",
                log.between("1.9.2", "2.0.0", ReleaseOrder.lenient()));
        assertEquals("""
                mylib 1.9.2 → 2.0.0: 2 releases
                source: CHANGES.rst

                2.0.0 (2023-12-24)
                  ! breaking: Client.send() returns a Response.
                  ! deprecation: Client.get_json() is deprecated; use Client.get().json().

                Breaking changes
                ----------------

                * Client.send() returns a Response.

                  The old tuple form can be restored with::

                      3.0.0
                      -----
                      client.send(request, legacy=True)

                Deprecations
                ------------

                * Client.get_json() is deprecated; use Client.get().json().

                2.0.0rc1
                  ! security: Security fix for CVE-2023-12345: headers were logged.
                  ! breaking: Timeouts are no longer retried.

                * Security fix for CVE-2023-12345: headers were logged.
                * Timeouts are no longer retried.

                A long line that looks like a title
                ---
                """, NotesText.render(report, false));
        String colour = NotesText.render(report, true);
        assertTrue(colour.contains("\u001B[35m* Security fix for CVE-2023-12345: headers were logged.\u001B[0m\n"));
    }

    @Test
    void markdown() throws IOException {
        String md = NotesMarkdown.render(keepAChangelog());
        assertEquals("""
                **Read first** (mylib 1.9.4 → 2.1.0):

                - **removal** (2.0.0): The legacy option.
                - **breaking** (2.0.0): BREAKING CHANGE: configuration is read from pyproject.toml.

                ---

                ## [2.1.0] - 2024-03-01

                ### Added

                - Feature A.

                ## [2.0.0] - 2024-01-10

                ### Removed

                - The `legacy` option.

                ### Changed

                - **BREAKING CHANGE**: configuration is read from `pyproject.toml`.
                - Non-breaking change: faster start-up.

                ## [1.9.5] - 2024-02-20

                ### Fixed

                - Backported fix for the cache.
                """, md);
    }

    @Test
    void markdownEscapesFlaggedLinesAndFencesRestructuredText() {
        Release rst = new Release("1.0.0", Optional.empty(), 1, "1.0.0\n=====\n\n* Removed ``x``; see ```y```.",
                List.of(new Flag(Flag.Kind.REMOVAL, "Removed <x> *now* #1")), ChangelogFormat.RESTRUCTURED_TEXT);
        NotesReport report = new NotesReport("p", "pypi", Optional.empty(), Optional.of("1.0.0"), "CHANGES.rst", List.of(rst));
        assertEquals("""
                **Read first** (p oldest → 1.0.0):

                - **removal** (1.0.0): Removed \\<x\\> \\*now\\* \\#1

                ---

                ````rst
                1.0.0
                =====

                * Removed ``x``; see ```y```.
                ````
                """, NotesMarkdown.render(report));
        NotesReport none = new NotesReport("p", "pypi", Optional.of("1.0.0"), Optional.of("1.0.1"), "CHANGES.rst", List.of());
        assertEquals("No release notes for p 1.0.0 → 1.0.1.\n", NotesMarkdown.render(none));
    }

    @Test
    void jsonFollowsTheSchema() throws IOException {
        Release undated = Release.ofBody("2.2.0", Optional.empty(), "* Deprecate `old()`.\n");
        NotesReport base = keepAChangelog();
        List<Release> releases = new java.util.ArrayList<>(base.releases());
        releases.add(0, undated);
        NotesReport report = new NotesReport("mylib", "pypi", Optional.empty(), Optional.of("2.2.0"), "CHANGELOG.md", releases);
        StringWriter w = new StringWriter();
        NotesJson.write(report, w);
        JsonNode json = new ObjectMapper().readTree(w.toString());
        assertEquals(List.of("schemaVersion", "package", "ecosystem", "from", "to", "source", "releases"),
                fieldNames(json));
        assertEquals(1, json.get("schemaVersion").asInt());
        assertEquals("mylib", json.get("package").asText());
        assertTrue(json.get("from").isNull());
        assertEquals("2.2.0", json.get("to").asText());
        JsonNode r0 = json.get("releases").get(0);
        assertEquals(List.of("version", "date", "flagged", "markdown"), fieldNames(r0));
        assertEquals("2.2.0", r0.get("version").asText());
        assertTrue(r0.get("date").isNull());
        assertEquals("Deprecate old().", r0.get("flagged").get(0).asText());
        JsonNode r2 = json.get("releases").get(2);
        assertEquals("2.0.0", r2.get("version").asText());
        assertEquals("2024-01-10", r2.get("date").asText());
        assertEquals(2, r2.get("flagged").size());
        assertEquals(base.releases().get(1).text(), r2.get("markdown").asText());
        assertEquals(4, json.get("releases").size());
        assertTrue(w.toString().endsWith("}\n"));
    }

    @Test
    void nothingFromTheNotesCanDriveTheTerminal() {
        Release evil = Release.ofBody("6.6.6", Optional.empty(),
                "* Removed \u001B]0;owned\u0007the \u001B[2Jscreen \u202Etxt.exe\r\n* \u009B31mred\n");
        NotesReport report = new NotesReport("p\u001B[5m", "npm", Optional.empty(), Optional.empty(), "src\u0007", List.of(evil));
        StringWriter json = new StringWriter();
        NotesJson.write(report, json);
        for (String out : List.of(NotesText.render(report, false), NotesText.render(report, true),
                NotesMarkdown.render(report), json.toString())) {
            assertFalse(out.contains("owned") || out.contains("[2J") || out.contains("\u202E") || out.contains("\u009B")
                    || out.contains("\u0007") || out.contains("\r") || out.contains("[5m"), out);
        }
        assertEquals(List.of(new Flag(Flag.Kind.REMOVAL, "Removed the screen txt.exe")), evil.flagged());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
