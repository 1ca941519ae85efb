package dev.pinver.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UntrustedTextTest {

    static Stream<Arguments> controls() {
        return Stream.of(
                Arguments.of("SGR colour", "red \u001B[31mtext\u001B[0m", "red text"),
                Arguments.of("CSI with parameters", "\u001B[2J\u001B[1;1Hclear", "clear"),
                Arguments.of("CSI private", "\u001B[?25lhidden cursor", "hidden cursor"),
                Arguments.of("OSC title, BEL", "\u001B]0;pwned\u0007after", "after"),
                Arguments.of("OSC 8 hyperlink, ST", "\u001B]8;;http://evil\u001B\\click\u001B]8;;\u001B\\", "click"),
                Arguments.of("DCS", "\u001BPq#0;2;0;0;0\u001B\\x", "x"),
                Arguments.of("APC", "\u001B_payload\u001B\\y", "y"),
                Arguments.of("two-character escape", "\u001Bcreset", "reset"),
                Arguments.of("charset escape", "\u001B(Bascii", "ascii"),
                Arguments.of("8-bit CSI", "\u009B31mred", "red"),
                Arguments.of("8-bit OSC", "\u009D0;title\u009Cafter", "after"),
                Arguments.of("other C1", "a\u0085b\u008Dc", "abc"),
                Arguments.of("unterminated OSC", "\u001B]0;no end", "0;no end"),
                Arguments.of("lone ESC at end", "end\u001B", "end"),
                Arguments.of("C0", "a\u0000b\u0007c\u0008d\u000Be\u000Cf", "abcdef"),
                Arguments.of("DEL", "a\u007Fb", "ab"),
                Arguments.of("CR LF and lone CR", "one\r\ntwo\rthree", "one\ntwo\nthree"),
                Arguments.of("tab and newline kept", "a\tb\nc", "a\tb\nc"),
                Arguments.of("bidi overrides and isolates", "abc\u202Edef\u2066x\u2069\u202A\u202B\u202C\u202D", "abcdefx"),
                Arguments.of("bidi marks", "\u200Fy\u200E\u061C", "y"),
                Arguments.of("unpaired surrogates", "a\uD800b\uDC00c", "abc"),
                Arguments.of("text kept", "Ünïcödé 😀 日本語 — “quotes”", "Ünïcödé 😀 日本語 — “quotes”"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controls")
    void stripsControls(String name, String input, String expected) {
        assertEquals(expected, UntrustedText.stripControls(input));
    }

    @Test
    void oneLine() {
        assertEquals("a b c", UntrustedText.oneLine("  a\n\tb \u001B[1m c \r\n"));
    }

    static Stream<Arguments> html() {
        return Stream.of(
                Arguments.of("inline tags keep their text", "a <b>bold</b> and <kbd>Ctrl</kbd> c", "a bold and Ctrl c"),
                Arguments.of("inline image", "* item <img src=x onerror=alert(1)>", "* item "),
                Arguments.of("script block", "<script>\nalert(1)\n</script>\n\ntext", "\n\ntext"),
                Arguments.of("details block keeps its summary and the Markdown inside",
                        "<details>\n<summary>More</summary>\n\n* item\n\n</details>\n", "More\n\n* item\n\n\n"),
                Arguments.of("block in a quote", "> <p>\n> quoted\n> </p>\n", "> quoted\n"),
                Arguments.of("comment", "<!-- hidden -->\nvisible", "\nvisible"),
                Arguments.of("centred logo", "<p align=\"center\"><img src=\"logo.png\" alt=\"logo\"></p>\n\n# Title",
                        "\n\n# Title"),
                Arguments.of("div with words", "<div>Some <em>text</em> here</div>", "Some text here"),
                Arguments.of("style content dropped", "<style>\nbody { color: red }\n</style>\n", "\n"),
                Arguments.of("block in a list item", "* one\n\n  <div>\n  two\n  </div>\n", "* one\n\n  two\n"),
                Arguments.of("tags rebuilt by removal are removed too, script content with them",
                        "<<b>script>alert(1)<</b>/script>", ""),
                Arguments.of("code span kept", "`<div>` stays", "`<div>` stays"),
                Arguments.of("fenced code kept", "```\n<div>x</div>\n```", "```\n<div>x</div>\n```"),
                Arguments.of("autolink kept", "<https://example.com>", "<https://example.com>"),
                Arguments.of("comparisons kept", "a < b and c > d", "a < b and c > d"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("html")
    void stripsHtml(String name, String input, String expected) {
        assertEquals(expected, UntrustedText.stripHtml(input));
    }

    @Test
    void boundKeepsShortText() {
        UntrustedText.Bounded b = UntrustedText.bound("## 1.0.0\n\n* a\n");
        assertFalse(b.truncated());
        assertEquals("## 1.0.0\n\n* a\n", b.text());
    }

    @Test
    void boundCountsUtf8BytesAndCutsAtALineEnd() {
        String line = "é".repeat(9) + "\n";
        String text = line.repeat(10);
        UntrustedText.Bounded b = UntrustedText.bound(text, 50);
        assertTrue(b.truncated());
        assertEquals(line.repeat(2) + UntrustedText.TRUNCATION_NOTE.substring(1), b.text());
        String kept = b.text().substring(0, b.text().length() - UntrustedText.TRUNCATION_NOTE.length() + 1);
        assertTrue(kept.getBytes(StandardCharsets.UTF_8).length <= 50);
        assertFalse(UntrustedText.bound(text, text.getBytes(StandardCharsets.UTF_8).length).truncated());
    }
}
