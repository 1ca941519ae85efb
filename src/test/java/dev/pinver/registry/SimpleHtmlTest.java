package dev.pinver.registry;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The HTML simple page reader. Expected files, {@code requires-python} values and yank reasons of the
 * fixture are those pip 23.2.1's {@code parse_links} reports for it, except where noted.
 */
class SimpleHtmlTest {

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = SimpleHtmlTest.class.getResourceAsStream("/registry/" + name)) {
            return in.readAllBytes();
        }
    }

    private static IndexFile file(String version, String filename, Optional<String> reason, boolean yanked, String requiresPython) {
        return new IndexFile(version, filename, Optional.empty(), yanked, reason, Optional.ofNullable(requiresPython));
    }

    @Test
    void readsTheFixtureAsPipDoes() throws IOException {
        List<IndexFile> files = SimpleHtml.files(fixture("pypi/simple-demo-pkg.html"), "https://example.org/simple/demo-pkg/", "demo-pkg");
        assertEquals(List.of(
                file("0.9.0", "demo_pkg-0.9.0.tar.gz", Optional.empty(), false, null),
                file("1.0.0", "demo_pkg-1.0.0-py3-none-any.whl", Optional.empty(), false, ">=3.7"),
                file("1.0.0", "demo-pkg-1.0.0.tar.gz", Optional.empty(), false, ">=3.7"),
                file("1.1.0", "demo_pkg-1.1.0-py3-none-any.whl", Optional.of("broken & withdrawn"), true, ">=3.8,<4"),
                // pip 23.2.1 reports a bare data-yanked as not yanked; PEP 592 says its presence means yanked
                file("1.1.0", "demo_pkg-1.1.0.tar.gz", Optional.empty(), true, ">=3.8,<4"),
                file("1.2.0rc1", "demo_pkg-1.2.0rc1-py3-none-any.whl", Optional.empty(), true, ">=3.9"),
                file("1.2.0", "demo_pkg-1.2.0-1-py3-none-any.whl", Optional.empty(), false, null),
                file("1.2.0", "demo_pkg-1.2.0.zip", Optional.empty(), false, null),
                file("2.0.0", "demo_pkg-2.0.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", Optional.empty(), false, null),
                file("latest", "demo_pkg-latest.tar.gz", Optional.empty(), false, null)),
                files);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            truncated inside a quoted value | <a href="x-1.0.tar.gz">ok</a><a href="x-2.0.tar.gz          | 1.0
            truncated inside a tag          | <a href="x-1.0.tar.gz">ok</a><a href=x-2.0.tar.gz             | 1.0
            unclosed comment hides the rest | <a href="x-1.0.tar.gz">ok</a><!-- <a href="x-2.0.tar.gz">     | 1.0
            end tags and doctype are skipped| <!doctype html></a></A><a href="x-1.0.tar.gz"></a>            | 1.0
            first of repeated attributes    | <a href="x-1.0.tar.gz" href="x-2.0.tar.gz">x</a>              | 1.0
            uppercase style tag is raw text | <STYLE>a[href="x-2.0.tar.gz"]{}</style><a href=x-1.0.tar.gz>  | 1.0
            text outside tags is text       | x-2.0.tar.gz < a href="x-3.0.tar.gz"> <a href="x-1.0.tar.gz"> | 1.0
            """)
    void tolerantTokenising(String label, String page, String onlyVersion) {
        List<IndexFile> files = SimpleHtml.files(page.getBytes(UTF_8), "https://example.org/simple/x/", "x");
        assertEquals(List.of(onlyVersion), files.stream().map(IndexFile::version).toList(), label);
    }

    /** Expected values are Python 3.11's {@code html.unescape}, which pip's HTML parser applies to attributes. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            &gt;=3.8                    | >=3.8
            &#62;=3.8,&#x3C;4           | >=3.8,<4
            &GT;=3                      | >=3
            &gt=3                       | >=3
            &ampx                       | &x
            &lt3                        | <3
            &#0;                        | �
            &#x110000;                  | �
            &#x888888aF;x               | �x
            &#99999999999999999999;y    | �y
            &#0000000062;               | >
            &#x00000000003E;=3          | >=3
            &#٣;                       | &#٣;
            &#xD800;                    | �
            &apos;x                     | 'x
            &amp;amp;                   | &amp;
            !=3.0.*,&#X3e;=2.7          | !=3.0.*,>=2.7
            &unknown; &                 | &unknown; &
            """)
    void characterReferences(String escaped, String decoded) {
        assertEquals(decoded, Entities.decode(escaped));
    }

    @Test
    void aNewerMajorRepositoryVersionIsRefused() {
        byte[] page = "<meta name=\"pypi:repository-version\" content=\"2.0\"><a href=\"x-1.0.tar.gz\">".getBytes(UTF_8);
        RegistryException e = assertThrows(RegistryException.class, () -> SimpleHtml.files(page, "https://example.org/simple/x/", "x"));
        assertEquals(RegistryException.Reason.MALFORMED, e.reason());
        assertEquals("https://example.org/simple/x/: unsupported simple repository API version 2.0", e.getMessage());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://f.example/p/demo_pkg-1.0.tar.gz#sha256=ab   | demo_pkg-1.0.tar.gz
            ../../files/demo%2Bpkg-1.0.tar.gz?x=1               | demo+pkg-1.0.tar.gz
            demo_pkg-1.0.tar.gz/                                | demo_pkg-1.0.tar.gz
            /a/b/demo+pkg-1.0.tar.gz                            | demo+pkg-1.0.tar.gz
            """)
    void fileNamesComeFromTheLink(String href, String filename) {
        assertEquals(filename, SimpleHtml.filename(href));
    }
}
