package dev.pinver.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.pinver.registry.SimpleHtmlTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pinver.LocalWireMock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PyPI answers as the cache keeps them: a later run gets the same project without parsing the page again. */
class PypiReductionTest {

    @RegisterExtension
    static final WireMockExtension SERVER = LocalWireMock.server();

    @TempDir
    Path cacheDir;

    private PypiRegistry registry(String indexUrl) {
        Http http = new Http(HttpOptions.defaults(Map.of()).withCacheDir(cacheDir).withAllowInsecureHttp(true)
                .withTtl(Duration.ofHours(1)).withRetries(0, Duration.ZERO, Duration.ZERO));
        return new PypiRegistry(http, PipIndexes.indexes(List.of(indexUrl)));
    }

    @ParameterizedTest
    @CsvSource({
        "/pypi/demo-pkg/json, /pypi, application/json, pypi/json-demo-pkg.json, .pypi-json.1",
        "/simple/demo-pkg/, /simple/, application/vnd.pypi.simple.v1+json, pypi/simple-demo-pkg.json, .pypi-simple.1",
        "/simple/demo-pkg/, /simple/, text/html; charset=utf-8, pypi/simple-demo-pkg.html, .pypi-simple.1",
    })
    void aKeptProjectEqualsTheParsedOne(String path, String index, String contentType, String file, String kept) throws IOException {
        SERVER.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withHeader("Content-Type", contentType).withBody(fixture(file))));
        String indexUrl = "http://127.0.0.1:" + SERVER.getPort() + index;
        PypiProject parsed = registry(indexUrl).project("Demo_Pkg");
        assertTrue(parsed.releases().size() >= 3, parsed.releases().toString());
        try (Stream<Path> files = Files.walk(cacheDir)) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().endsWith(kept)).count());
        }
        PypiProject again = registry(indexUrl).project("demo-pkg");
        assertEquals(parsed, again);
        SERVER.verify(1, getRequestedFor(urlEqualTo(path)));
    }

    @Test
    void jsonAnswersRoundTripWithTheirLinks() throws IOException {
        PypiJsonApi.Answer answer = PypiJsonApi.read(fixture("pypi/json-demo-pkg.json"), "https://pypi.invalid/pypi/demo-pkg/json");
        assertTrue(answer.files().stream().anyMatch(IndexFile::yanked), "the fixture has a yanked file");
        assertEquals(List.of("Homepage", "Changelog", "Source"), List.copyOf(answer.projectUrls().keySet()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PypiJsonApi.REDUCTION.write(answer, new DataOutputStream(bytes));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(answer, PypiJsonApi.REDUCTION.read(in));
        assertEquals(-1, in.read());
    }
}
