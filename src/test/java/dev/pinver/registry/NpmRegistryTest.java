package dev.pinver.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.pinver.registry.SimpleHtmlTest.fixture;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pinver.LocalWireMock;
import dev.pinver.registry.RegistryException.Reason;
import dev.pinver.version.NpmVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The npm client against WireMock serving hand-written and recorded packuments. */
class NpmRegistryTest {

    @RegisterExtension
    static final WireMockExtension SERVER = LocalWireMock.server();

    @TempDir
    Path dir;

    private static String registryUrl(String path) {
        return "http://127.0.0.1:" + SERVER.getPort() + path;
    }

    private NpmRegistry registry(Map<String, String> settings) {
        Http http = new Http(HttpOptions.defaults(Map.of()).withCacheDir(dir.resolve("cache")).withAllowInsecureHttp(true)
                .withRetries(0, Duration.ZERO, Duration.ZERO));
        return new NpmRegistry(http, NpmConfig.of(settings));
    }

    private NpmRegistry registry() {
        return registry(Map.of("registry", registryUrl("/")));
    }

    private static void serve(String path, byte[] body) {
        SERVER.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static NpmRelease release(String version, String published, String deprecated) {
        return new NpmRelease(version, NpmVersion.parse(version), Optional.ofNullable(published).map(Instant::parse),
                Optional.ofNullable(deprecated));
    }

    @Test
    void abbreviatedPackumentOfAScopedPackage() throws IOException {
        serve("/@demo%2fwidget", fixture("npm/widget-abbreviated.json"));
        NpmPackage widget = registry().packument("@demo/widget", false);
        assertEquals("@demo/widget", widget.name());
        assertEquals(List.of(
                release("1.4.2", null, "1.x is no longer maintained; use 2.x"),
                release("2.0.0", null, null),
                release("2.5.1", null, null),
                release("3.0.0", null, "published by mistake, see 2.5.1"),
                release("3.1.0-beta.1", null, null)),
                widget.releases());
        assertEquals(Optional.of("2.5.1"), widget.latest(), "latest is a tag, below the highest version here");
        assertEquals(Map.of("latest", "2.5.1", "next", "3.1.0-beta.1", "legacy", "1.4.2"), widget.distTags());
        assertEquals(Optional.of(Instant.parse("2025-11-20T08:30:00Z")), widget.modified());
        SERVER.verify(getRequestedFor(urlEqualTo("/@demo%2fwidget")).withHeader("Accept", equalTo(NpmRegistry.ABBREVIATED)));
    }

    @Test
    void fullPackumentHasPublishDates() throws IOException {
        serve("/@demo%2fwidget", fixture("npm/widget-full.json"));
        NpmPackage widget = registry().packument("@demo/widget", true);
        assertEquals(List.of(
                release("1.4.2", "2020-02-02T02:02:02Z", "1.x is no longer maintained; use 2.x"),
                release("2.0.0", "2021-07-15T14:30:00Z", null),
                release("2.5.1", "2025-11-20T08:29:00Z", null),
                release("3.0.0", "2024-01-01T00:00:00Z", "published by mistake, see 2.5.1"),
                release("3.1.0-beta.1", "2025-10-10T10:10:10.100Z", null)),
                widget.releases());
        assertEquals(Optional.of(Instant.parse("2025-11-20T08:30:00Z")), widget.modified());
        SERVER.verify(getRequestedFor(urlEqualTo("/@demo%2fwidget")).withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void aRecordedPackument() throws IOException {
        serve("/is-number", fixture("npm/is-number-full.json"));
        NpmPackage isNumber = registry().packument("is-number", true);
        assertEquals(15, isNumber.releases().size());
        assertEquals("0.1.0", isNumber.releases().get(0).version());
        assertEquals("7.0.0", isNumber.releases().get(14).version());
        assertEquals(Optional.of("7.0.0"), isNumber.latest());
        assertEquals(Optional.of(Instant.parse("2024-02-27T16:27:13.411Z")), isNumber.release("7.0.0").orElseThrow().published());
    }

    @Test
    void scopeRegistriesAndRegistryPaths() {
        serve("/api/npm/npm-remote/is-number", "{\"name\":\"is-number\",\"versions\":{\"7.0.0\":{}}}".getBytes(UTF_8));
        serve("/corp/@corp%2fkit", "{\"name\":\"@corp/kit\",\"versions\":{\"1.0.0\":{}},\"dist-tags\":{}}".getBytes(UTF_8));
        NpmRegistry registry = registry(Map.of("registry", registryUrl("/api/npm/npm-remote"), "@corp:registry", registryUrl("/corp/")));
        assertEquals("7.0.0", registry.packument("is-number", false).releases().get(0).version());
        NpmPackage kit = registry.packument("@corp/kit", false);
        assertEquals(Optional.empty(), kit.latest());
        assertEquals(Optional.empty(), kit.modified());
    }

    @Test
    void theConfiguredTokenIsSentAndNeverShown() throws IOException {
        String token = "npm_Zq8Xv0ExampleToken4242";
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve(".npmrc"), "registry=" + registryUrl("/") + "\n//127.0.0.1:" + SERVER.getPort()
                + "/:_authToken=${NPM_TOKEN}\n");
        SERVER.stubFor(get(urlEqualTo("/private-pkg")).willReturn(aResponse().withStatus(401).withBody("{\"error\":\"bad token " + token + "\"}")));
        Http http = new Http(HttpOptions.defaults(Map.of()).withCacheDir(dir.resolve("cache")).withAllowInsecureHttp(true));
        NpmRegistry registry = new NpmRegistry(http, NpmConfig.load(project, dir.resolve("home"), Map.of("NPM_TOKEN", token)));
        RegistryException e = assertThrows(RegistryException.class, () -> registry.packument("private-pkg", false));
        SERVER.verify(getRequestedFor(urlEqualTo("/private-pkg")).withHeader("Authorization", equalTo("Bearer " + token)));
        assertEquals(registryUrl("/private-pkg") + ": HTTP 401", e.getMessage());
        assertFalse(e.toPinverException().oneLine().contains(token));
        assertFalse(http.redact("Authorization: Bearer " + token).contains(token));
    }

    @Test
    void aMissingPackageIsNotFound() {
        SERVER.stubFor(get(urlEqualTo("/nope")).willReturn(aResponse().withStatus(404).withBody("{\"error\":\"Not found\"}")));
        RegistryException e = assertThrows(RegistryException.class, () -> registry().packument("nope", false));
        assertEquals(Reason.NOT_FOUND, e.reason());
    }

    @Test
    void malformedPackuments() {
        serve("/truncated", "{\"name\":\"truncated\",\"versions\":{\"1.0.0\":{\"deprecated\":".getBytes(UTF_8));
        serve("/other", "{\"name\":\"something-else\",\"versions\":{}}".getBytes(UTF_8));
        serve("/numbers", "{\"name\":\"numbers\",\"versions\":{\"1.0.0\":{\"deprecated\":42}}}".getBytes(UTF_8));
        serve("/dates", "{\"name\":\"dates\",\"versions\":{\"1.0.0\":{}},\"time\":{\"1.0.0\":\"yesterday\"}}".getBytes(UTF_8));
        serve("/html", "<html>proxy error</html>".getBytes(UTF_8));
        NpmRegistry registry = registry();
        for (String name : List.of("truncated", "other", "numbers", "dates", "html")) {
            RegistryException e = assertThrows(RegistryException.class, () -> registry.packument(name, true), name);
            assertEquals(Reason.MALFORMED, e.reason(), e.getMessage());
            assertTrue(e.getMessage().startsWith(registryUrl("/" + name) + ": "), e.getMessage());
        }
        assertEquals(registryUrl("/dates") + ": time.1.0.0 is not an ISO 8601 timestamp: yesterday",
                assertThrows(RegistryException.class, () -> registry.packument("dates", true)).getMessage());
    }

    @Test
    void invalidNamesAreRejectedBeforeAnyRequest() {
        for (String name : List.of("../x", "a b", "@scope/", "@/x", "x/y", ".hidden", "")) {
            assertThrows(IllegalArgumentException.class, () -> registry().packument(name, false), name);
        }
        assertEquals(0, SERVER.getAllServeEvents().size());
    }
}
