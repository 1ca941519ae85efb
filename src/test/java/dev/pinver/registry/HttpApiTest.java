package dev.pinver.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pinver.LocalWireMock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@link Http#api}: any status with its headers, redirects, retries except on 429, credentials, offline. */
class HttpApiTest {

    @RegisterExtension
    static final WireMockExtension SERVER = LocalWireMock.server();

    private static final Credentials TOKEN = new Credentials.Bearer("tok_0123456789abcdef");

    @TempDir
    Path cache;

    private Http http() {
        return new Http(HttpOptions.defaults(Map.of()).withCacheDir(cache).withAllowInsecureHttp(true)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withRetries(2, Duration.ofMillis(5), Duration.ofMillis(20)));
    }

    private static String url(String host, String path) {
        return "http://" + host + ":" + SERVER.getPort() + path;
    }

    @Test
    void errorStatusesComeBackWithTheirHeaders() {
        SERVER.stubFor(get("/limited").willReturn(aResponse().withStatus(403).withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", "1714566000").withBody("{\"message\":\"API rate limit exceeded\"}")));
        Http.ApiResponse r = http().api(url("127.0.0.1", "/limited"), "application/json", Optional.empty());
        assertEquals(403, r.status());
        assertEquals(Optional.of("0"), r.headers().firstValue("x-ratelimit-remaining"));
        assertEquals(0, r.body().length, "only 200 bodies are read");
    }

    @Test
    void tooManyRequestsIsNotRetriedButServerErrorsAre() {
        SERVER.stubFor(get("/429").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        assertEquals(429, http().api(url("127.0.0.1", "/429"), "*/*", Optional.empty()).status());
        SERVER.verify(1, getRequestedFor(urlEqualTo("/429")));

        SERVER.stubFor(get("/flaky").inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        SERVER.stubFor(get("/flaky").inScenario("flaky").whenScenarioStateIs("up").willReturn(ok("[]")));
        Http.ApiResponse r = http().api(url("127.0.0.1", "/flaky"), "*/*", Optional.empty());
        assertEquals(200, r.status());
        assertEquals("[]", new String(r.body(), UTF_8));
    }

    @Test
    void credentialsFollowRedirectsOnTheSameOriginOnly() {
        SERVER.stubFor(get("/repos/old/name/releases").willReturn(aResponse().withStatus(301)
                .withHeader("Location", url("127.0.0.1", "/repositories/7/releases"))));
        SERVER.stubFor(get("/repositories/7/releases").willReturn(aResponse().withStatus(302)
                .withHeader("Location", url("localhost", "/download/notes"))));
        SERVER.stubFor(get("/download/notes").willReturn(ok("notes")));

        Http.ApiResponse r = http().api(url("127.0.0.1", "/repos/old/name/releases"), "*/*", Optional.of(TOKEN));

        assertEquals(200, r.status());
        assertEquals(url("127.0.0.1", "/repos/old/name/releases"), r.url());
        SERVER.verify(getRequestedFor(urlEqualTo("/repositories/7/releases"))
                .withHeader("Authorization", equalTo("Bearer tok_0123456789abcdef")));
        SERVER.verify(getRequestedFor(urlEqualTo("/download/notes")).withHeader("Authorization", absent()));
    }

    @Test
    void offlineAndRefusedUrlsFailWithoutTheToken() {
        Http offline = new Http(HttpOptions.defaults(Map.of()).withCacheDir(cache).withOffline(true));
        RegistryException e = assertThrows(RegistryException.class,
                () -> offline.api("https://api.github.com/repos/o/r/releases", "*/*", Optional.of(TOKEN)));
        assertEquals(RegistryException.Reason.OFFLINE, e.reason());
        RegistryException plain = assertThrows(RegistryException.class,
                () -> new Http(HttpOptions.defaults(Map.of()).withCacheDir(cache))
                        .api("http://example.invalid/x?token=tok_0123456789abcdef", "*/*", Optional.of(TOKEN)));
        assertEquals(RegistryException.Reason.REFUSED, plain.reason());
        assertFalse(plain.getMessage().contains("tok_0123456789abcdef"), plain.getMessage());
    }
}
