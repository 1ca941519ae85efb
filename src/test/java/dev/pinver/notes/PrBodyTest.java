package dev.pinver.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrBodyTest {

    private static final String Z = "\u200B";
    private static final String LINK = "https://github.com/me/app/blob/pinver/notes/fastapi.md";

    static Stream<Arguments> neutralised() {
        return Stream.of(
                Arguments.of("mention", "Thanks @alice!", "Thanks @" + Z + "alice!"),
                Arguments.of("team mention", "cc @org/team", "cc @" + Z + "org/team"),
                Arguments.of("bot mention", "by @dependabot[bot]", "by @" + Z + "dependabot[bot]"),
                Arguments.of("mention in link text", "by [@alice](https://github.com/alice)",
                        "by [@" + Z + "alice](https://github.com/alice)"),
                Arguments.of("mention at line start in a list", "* @alice did it", "* @" + Z + "alice did it"),
                Arguments.of("e-mail address", "mail a@b.com", "mail a@b.com"),
                Arguments.of("issue", "Fixes #123.", "Fixes #" + Z + "123."),
                Arguments.of("issue in parentheses", "(#1, #2)", "(#" + Z + "1, #" + Z + "2)"),
                Arguments.of("cross-repository reference", "see encode/httpx#678", "see encode/httpx#" + Z + "678"),
                Arguments.of("GH- reference", "GH-45 and gh-46", "GH-" + Z + "45 and gh-" + Z + "46"),
                Arguments.of("words with # and GH-", "C#1 and abcGH-2", "C#1 and abcGH-2"),
                Arguments.of("URL fragment", "https://example.com/docs#12 here", "https://example.com/docs#12 here"),
                Arguments.of("heading marker", "## 1.0.0\n\n# Title", "## 1.0.0\n\n# Title"),
                Arguments.of("code span", "`@alice #1` stays", "`@alice #1` stays"),
                Arguments.of("fenced code", "```\n@alice #1\n```", "```\n@alice #1\n```"),
                Arguments.of("escaped mention", "\\@alice", "\\@" + Z + "alice"),
                Arguments.of("entity mention", "&#64;alice and &#35;12", "\\@" + Z + "alice and \\#" + Z + "12"),
                Arguments.of("pull request link", "PR [#887](https://github.com/tiangolo/fastapi/pull/887).",
                        "PR [#" + Z + "887](https://redirect.github.com/tiangolo/fastapi/pull/887)."),
                Arguments.of("bare issue URL", "See https://github.com/o/r/issues/5",
                        "See https://redirect.github.com/o/r/issues/5"),
                Arguments.of("autolinked commit", "<https://www.github.com/o/r/commit/abc123>",
                        "<https://redirect.github.com/o/r/commit/abc123>"),
                Arguments.of("discussion reference definition", "[d]: https://github.com/o/r/discussions/9\n\n[d]",
                        "[d]: https://redirect.github.com/o/r/discussions/9\n\n[d]"),
                Arguments.of("profile link kept", "[alice](https://github.com/alice)", "[alice](https://github.com/alice)"),
                Arguments.of("URL in code kept", "`https://github.com/o/r/pull/1`", "`https://github.com/o/r/pull/1`"),
                Arguments.of("HTML around a mention", "<b>@alice</b>", "@" + Z + "alice"),
                Arguments.of("HTML dropped", "ok <img src=x onerror=alert(1)>", "ok "),
                Arguments.of("escape sequence", "\u001B[31m@alice\u001B[0m", "@" + Z + "alice"),
                Arguments.of("bidi override", "safe\u202Etxt.exe", "safetxt.exe"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("neutralised")
    void neutralises(String name, String markdown, String expected) {
        assertEquals(expected, PrBody.sanitise(markdown, LINK));
    }

    @Test
    void shortNotesAreNotCut() {
        String text = "a".repeat(PrBody.LIMIT);
        assertEquals(text, PrBody.sanitise(text, LINK));
    }

    @Test
    void longNotesAreCutAtALineAndEndWithTheLink() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 100_000; i++) {
            sb.append("* change number ").append(i).append('\n');
        }
        String body = PrBody.sanitise(sb.toString(), LINK);
        assertTrue(body.length() <= PrBody.LIMIT, "length " + body.length());
        assertTrue(body.endsWith("\n\n… truncated; full notes: " + LINK));
        String kept = body.substring(0, body.indexOf("\n\n… truncated"));
        assertTrue(sb.toString().startsWith(kept + "\n"), "cut at a line end");
        assertTrue(body.length() > PrBody.LIMIT - 100, "uses the room it has: " + body.length());
    }

    @Test
    void aCutInsideCodeClosesTheFence() {
        String md = "## 1.0.0\n\n````python\n" + "print('x')\n".repeat(10_000) + "````\n\nafter\n";
        String body = PrBody.sanitise(md, LINK);
        assertTrue(body.length() <= PrBody.LIMIT);
        assertTrue(body.endsWith("print('x')\n````\n\n… truncated; full notes: " + LINK));
        Node doc = MarkdownTree.parse(body);
        FencedCodeBlock code = (FencedCodeBlock) doc.getFirstChild().getNext();
        assertEquals(4, code.getClosingFenceLength());
        assertTrue(code.getNext() instanceof Paragraph, "the truncation line is prose, not code");
    }

    @Test
    void hugeInputIsCutBeforeTheWorkAndSaysSo() {
        String body = PrBody.sanitise("<!-- noise -->\n\n".repeat(100_000) + "* the real notes\n", LINK);
        assertTrue(body.length() < 1000, "the comments are gone: " + body.length());
        assertTrue(body.endsWith("… truncated; full notes: " + LINK), "the end was not read");
    }

    @Test
    void aCutWithoutALinkSaysSo() {
        String body = PrBody.sanitise("x\n".repeat(40_000), null);
        assertTrue(body.length() <= PrBody.LIMIT);
        assertTrue(body.endsWith("x\n\n… truncated"));
    }

    @Test
    void neutralisingCannotPushTheBodyOverTheLimit() {
        String body = PrBody.sanitise("@a #1 GH-2\n".repeat(7_000), LINK);
        assertTrue(body.length() <= PrBody.LIMIT);
        assertTrue(body.endsWith(LINK));
        assertTrue(!body.replace("@" + Z, "").contains("@a"));
    }
}
