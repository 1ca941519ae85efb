package dev.pinver.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.pinver.registry.SimpleHtmlTest.fixture;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** npm packuments as the cache keeps them: exactly what a fresh parse gives, for the package asked. */
class PackumentReductionTest {

    @RegisterExtension
    static final WireMockExtension SERVER = LocalWireMock.server();

    /** Deprecations of every shape, a version without a publish date, and text outside ASCII. */
    private static final String ODD = """
            {"name": "odd", "dist-tags": {"latest": "1.0.0", "beta": "2.0.0-β.1"},
             "versions": {
               "0.9.0": {"deprecated": true},
               "0.9.1": {"deprecated": false},
               "0.9.2": {"deprecated": ""},
               "1.0.0": {"deprecated": "use ödd2 — see https://example.invalid/ödd"},
               "2.0.0-β.1": {},
               "not-semver": {}
             },
             "time": {"modified": "2025-01-02T03:04:05.678Z", "1.0.0": "2024-12-31T23:59:59.999999Z",
                      "0.9.0": "2020-01-01T00:00:00Z"}}
            """;

    @TempDir
    Path dir;

    private static NpmPackage roundTrip(NpmPackage p, String requested) throws IOException {
        Reduction<NpmPackage> reduction = Packument.reduction(requested);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        reduction.write(p, new DataOutputStream(bytes));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        NpmPackage read = reduction.read(in);
        assertEquals(-1, in.read(), "everything written is read");
        return read;
    }

    @ParameterizedTest
    @CsvSource({
        "npm/widget-full.json, @demo/widget, 5",
        "npm/widget-abbreviated.json, @demo/widget, 5",
        "npm/is-number-full.json, is-number, 15",
    })
    void recordedPackumentsRoundTrip(String file, String name, int releases) throws IOException {
        NpmPackage parsed = Packument.read(fixture(file), "https://registry.invalid/" + name, name);
        assertEquals(releases, parsed.releases().size());
        assertEquals(parsed, roundTrip(parsed, name));
    }

    @Test
    void everyShapeOfDeprecationAndDateRoundTrips() throws IOException {
        NpmPackage parsed = Packument.read(ODD.getBytes(UTF_8), "https://registry.invalid/odd", "odd");
        assertEquals(List.of("0.9.0", "0.9.1", "0.9.2", "1.0.0"), parsed.releases().stream().map(NpmRelease::version).toList(),
                "2.0.0-β.1 is no more SemVer than not-semver");
        assertEquals(Optional.of(""), parsed.release("0.9.0").orElseThrow().deprecated());
        assertEquals(Optional.empty(), parsed.release("0.9.1").orElseThrow().deprecated());
        assertEquals(Optional.empty(), parsed.release("0.9.2").orElseThrow().deprecated());
        assertEquals(Optional.of("use ödd2 — see https://example.invalid/ödd"), parsed.release("1.0.0").orElseThrow().deprecated());
        assertEquals(Optional.of(Instant.parse("2024-12-31T23:59:59.999999Z")), parsed.release("1.0.0").orElseThrow().published());
        NpmPackage kept = roundTrip(parsed, "odd");
        assertEquals(parsed, kept);
        assertEquals(Map.of("latest", "1.0.0", "beta", "2.0.0-β.1"), kept.distTags());
    }

    @Test
    void aReductionKeptForAnotherPackageIsRefused() throws IOException {
        NpmPackage parsed = Packument.read(ODD.getBytes(UTF_8), "https://registry.invalid/odd", "odd");
        assertThrows(IOException.class, () -> roundTrip(parsed, "even"));
    }

    @Test
    void theRegistryAnswersFromTheKeptFormAsItDidFromTheBody() throws IOException {
        SERVER.stubFor(get(urlEqualTo("/@demo%2fwidget")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(fixture("npm/widget-full.json"))));
        Http http = new Http(HttpOptions.defaults(Map.of()).withCacheDir(dir).withAllowInsecureHttp(true)
                .withTtl(Duration.ofHours(1)).withRetries(0, Duration.ZERO, Duration.ZERO));
        NpmRegistry registry = new NpmRegistry(http, NpmConfig.of(Map.of("registry", "http://127.0.0.1:" + SERVER.getPort() + "/")));
        NpmPackage first = registry.packument("@demo/widget", true);
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().endsWith(".npm-package.1")).count());
        }
        assertEquals(first, registry.packument("@demo/widget", true));
        SERVER.verify(1, getRequestedFor(urlEqualTo("/@demo%2fwidget")));
        assertEquals(Packument.read(fixture("npm/widget-full.json"), "x", "@demo/widget"), first);
    }
}
