package dev.pinver.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pinver.LocalWireMock;
import dev.pinver.registry.Http.Origin;
import dev.pinver.registry.RegistryException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP layer against a local WireMock server: faults, limits, retries, the cache, credentials. */
class HttpTest {

    @RegisterExtension
    static final WireMockExtension SERVER = LocalWireMock.server();

    @TempDir
    Path cacheDir;

    private HttpOptions options() {
        return HttpOptions.defaults(Map.of())
                .withCacheDir(cacheDir)
                .withAllowInsecureHttp(true)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(100));
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + SERVER.getPort() + path;
    }

    private static RegistryException failure(Http http, String path) {
        return assertThrows(RegistryException.class, () -> http.get(url(path), "application/json"));
    }

    @Test
    void plainAnswerCarriesBodyAndContentType() {
        SERVER.stubFor(get("/a").willReturn(ok("{\"x\":1}").withHeader("Content-Type", "application/json; charset=utf-8")));
        Http.Response response = new Http(options()).get(url("/a"), "application/json");
        assertEquals("{\"x\":1}", new String(response.body(), UTF_8));
        assertEquals("application/json", response.mediaType());
        assertEquals(Origin.NETWORK, response.origin());
        SERVER.verify(getRequestedFor(urlEqualTo("/a")).withHeader("Accept", equalTo("application/json"))
                .withHeader("Accept-Encoding", equalTo("gzip")));
    }

    @Test
    void gzipBodiesAreDecompressed() throws IOException {
        byte[] text = "{\"gzipped\":true}".getBytes(UTF_8);
        SERVER.stubFor(get("/gz").willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(gzip(text))));
        assertArrayEquals(text, new Http(options()).get(url("/gz"), "*/*").body());
    }

    @Test
    void aGzipBombStopsAtTheLimit() throws IOException {
        byte[] compressed = gzip(new byte[8 << 20]);
        assertTrue(compressed.length < 64 * 1024);
        SERVER.stubFor(get("/bomb").willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(compressed)));
        RegistryException e = failure(new Http(options().withMaxBodyBytes(1 << 20)), "/bomb");
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("decompressed"), e.getMessage());
    }

    @Test
    void aBrokenGzipBodyIsMalformed() {
        SERVER.stubFor(get("/badgz").willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody("not gzip at all")));
        assertEquals(Reason.MALFORMED, failure(new Http(options()), "/badgz").reason());
    }

    @Test
    void connectionResetIsRetried() {
        SERVER.stubFor(get("/reset").inScenario("reset").whenScenarioStateIs(STARTED).willSetStateTo("healed")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        SERVER.stubFor(get("/reset").inScenario("reset").whenScenarioStateIs("healed").willReturn(ok("fine")));
        assertEquals("fine", new String(new Http(options()).get(url("/reset"), "*/*").body(), UTF_8));
        SERVER.verify(2, getRequestedFor(urlEqualTo("/reset")));
    }

    @Test
    void anEmptyReplyEveryTimeFailsAfterAllRetries() {
        SERVER.stubFor(get("/empty").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        RegistryException e = failure(new Http(options()), "/empty");
        assertEquals(Reason.CONNECTION, e.reason());
        assertTrue(e.getMessage().startsWith(url("/empty") + ": connection failed"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(3 attempts)"), e.getMessage());
        // the JDK's client itself repeats a GET once when a connection closes before any answer
        int requests = SERVER.findAll(getRequestedFor(urlEqualTo("/empty"))).size();
        assertTrue(requests == 3 || requests == 6, requests + " requests");
    }

    @Test
    void tooManyRequestsWaitsForRetryAfter() {
        SERVER.stubFor(get("/busy").inScenario("busy").whenScenarioStateIs(STARTED).willSetStateTo("free")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        SERVER.stubFor(get("/busy").inScenario("busy").whenScenarioStateIs("free").willReturn(ok("done")));
        Http http = new Http(options().withRetries(2, Duration.ofMillis(10), Duration.ofSeconds(5)));
        long start = System.nanoTime();
        assertEquals("done", new String(http.get(url("/busy"), "*/*").body(), UTF_8));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMs >= 950, "waited only " + elapsedMs + " ms despite Retry-After: 1");
    }

    @Test
    void retryAfterIsCappedByTheLongestDelay() {
        SERVER.stubFor(get("/slowdown").inScenario("cap").whenScenarioStateIs(STARTED).willSetStateTo("go")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
        SERVER.stubFor(get("/slowdown").inScenario("cap").whenScenarioStateIs("go").willReturn(ok("ok")));
        long start = System.nanoTime();
        new Http(options()).get(url("/slowdown"), "*/*");
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "an hour's Retry-After must be capped at 100 ms");
    }

    @Test
    void serviceUnavailableThenSuccess() {
        SERVER.stubFor(get("/flaky").inScenario("flaky").whenScenarioStateIs(STARTED).willSetStateTo("up")
                .willReturn(aResponse().withStatus(503)));
        SERVER.stubFor(get("/flaky").inScenario("flaky").whenScenarioStateIs("up").willReturn(ok("up")));
        assertEquals("up", new String(new Http(options()).get(url("/flaky"), "*/*").body(), UTF_8));
        SERVER.verify(2, getRequestedFor(urlEqualTo("/flaky")));
    }

    @Test
    void aPersistentServerErrorNamesStatusAndAttempts() {
        SERVER.stubFor(get("/down").willReturn(aResponse().withStatus(502)));
        RegistryException e = failure(new Http(options()), "/down");
        assertEquals(Reason.HTTP_STATUS, e.reason());
        assertEquals(url("/down") + ": HTTP 502 after 3 attempts", e.getMessage());
    }

    @Test
    void notFoundIsNotRetried() {
        SERVER.stubFor(get("/missing").willReturn(aResponse().withStatus(404).withBody("nope")));
        RegistryException e = failure(new Http(options()), "/missing");
        assertEquals(Reason.NOT_FOUND, e.reason());
        assertEquals(url("/missing") + ": HTTP 404 not found", e.getMessage());
        SERVER.verify(1, getRequestedFor(urlEqualTo("/missing")));
    }

    @Test
    void aSlowAnswerTimesOut() {
        SERVER.stubFor(get("/slow").willReturn(ok("late").withFixedDelay(3000)));
        Http http = new Http(options().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)).withRetries(0, Duration.ZERO, Duration.ZERO));
        long start = System.nanoTime();
        RegistryException e = failure(http, "/slow");
        assertEquals(Reason.TIMEOUT, e.reason());
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "gave up late");
    }

    @Test
    void aSlowlyDribbledBodyTimesOutToo() {
        SERVER.stubFor(get("/dribble").willReturn(ok("x".repeat(1000)).withChunkedDribbleDelay(10, 3000)));
        Http http = new Http(options().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500)).withRetries(0, Duration.ZERO, Duration.ZERO));
        long start = System.nanoTime();
        assertEquals(Reason.TIMEOUT, failure(http, "/dribble").reason());
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "the timeout must cover the whole body");
    }

    @Test
    void bodiesArriveWholeWithAndWithoutContentLength() {
        byte[] body = new byte[300_000];
        new Random(11).nextBytes(body);
        SERVER.stubFor(get("/chunked").willReturn(aResponse().withGzipDisabled(true).withBody(body).withChunkedDribbleDelay(37, 200)));
        SERVER.stubFor(get("/sized").willReturn(aResponse().withGzipDisabled(true).withBody(body)
                .withHeader("Content-Length", String.valueOf(body.length))));
        SERVER.stubFor(get("/nothing").willReturn(aResponse().withGzipDisabled(true).withHeader("Content-Length", "0")));
        Http http = new Http(options());
        assertArrayEquals(body, http.get(url("/chunked"), "*/*").body());
        assertArrayEquals(body, http.get(url("/sized"), "*/*").body());
        assertArrayEquals(new byte[0], http.get(url("/nothing"), "*/*").body());
        assertArrayEquals(body, http.get(url("/chunked"), "*/*").body(), "and from the cache");
    }

    @Test
    void anAnnouncedOversizedBodyIsRefused() {
        byte[] body = new byte[2 << 20];
        new Random(3).nextBytes(body);
        SERVER.stubFor(get("/big").willReturn(aResponse().withGzipDisabled(true)
                .withHeader("Content-Length", String.valueOf(body.length)).withBody(body)));
        RegistryException e = failure(new Http(options().withMaxBodyBytes(1 << 20)), "/big");
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage().matches(".*response of 2097152 bytes exceeds the limit of 1048576 bytes"), e.getMessage());
        SERVER.verify(1, getRequestedFor(urlEqualTo("/big")));
    }

    @Test
    void aStreamedOversizedBodyIsAbortedEarly() {
        byte[] body = new byte[2 << 20];
        new Random(7).nextBytes(body);
        // 64 chunks of 32 KiB, one every 50 ms: the whole body would take 3.2 s
        SERVER.stubFor(get("/stream").willReturn(aResponse().withGzipDisabled(true).withBody(body).withChunkedDribbleDelay(64, 3200)));
        Http http = new Http(options().withMaxBodyBytes(64 * 1024).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(10)));
        long start = System.nanoTime();
        RegistryException e = failure(http, "/stream");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("stopped reading"), e.getMessage());
        assertTrue(elapsedMs < 1500, "read on for " + elapsedMs + " ms after the limit");
    }

    @Test
    void plainHttpIsRefusedWithoutTheFlag() {
        Http http = new Http(options().withAllowInsecureHttp(false));
        RegistryException e = failure(http, "/anything");
        assertEquals(Reason.REFUSED, e.reason());
        assertTrue(e.getMessage().contains("plain http:// is refused"), e.getMessage());
        assertEquals(0, SERVER.getAllServeEvents().size());
    }

    @Test
    void unknownSchemesAreRefused() {
        RegistryException e = assertThrows(RegistryException.class, () -> new Http(options()).get("ftp://example.org/x", "*/*"));
        assertEquals(Reason.REFUSED, e.reason());
    }

    @Test
    void aConditionalRequestRevalidatesAStaleEntry() {
        SERVER.stubFor(get("/etag").withHeader("If-None-Match", absent())
                .willReturn(ok("v1").withHeader("ETag", "\"abc\"").withHeader("Last-Modified", "Tue, 01 Dec 2026 10:00:00 GMT")));
        SERVER.stubFor(get("/etag").withHeader("If-None-Match", equalTo("\"abc\""))
                .withHeader("If-Modified-Since", equalTo("Tue, 01 Dec 2026 10:00:00 GMT"))
                .willReturn(aResponse().withStatus(304)));
        Http http = new Http(options().withTtl(Duration.ZERO));
        assertEquals(Origin.NETWORK, http.get(url("/etag"), "*/*").origin());
        Http.Response again = http.get(url("/etag"), "*/*");
        assertEquals(Origin.REVALIDATED, again.origin());
        assertEquals("v1", new String(again.body(), UTF_8));
        SERVER.verify(2, getRequestedFor(urlEqualTo("/etag")));
    }

    @Test
    void aFreshEntryIsServedWithoutARequestUntilItsTtlEnds() {
        SERVER.stubFor(get("/ttl").willReturn(ok("cached").withHeader("ETag", "\"t1\"")));
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        Http http = new Http(options().withTtl(Duration.ofMinutes(10)), clock);
        http.get(url("/ttl"), "*/*");
        clock.advance(Duration.ofMinutes(9));
        assertEquals(Origin.CACHE, http.get(url("/ttl"), "*/*").origin());
        SERVER.verify(1, getRequestedFor(urlEqualTo("/ttl")));
        clock.advance(Duration.ofMinutes(2));
        http.get(url("/ttl"), "*/*");
        SERVER.verify(2, getRequestedFor(urlEqualTo("/ttl")));
        SERVER.verify(1, getRequestedFor(urlEqualTo("/ttl")).withHeader("If-None-Match", equalTo("\"t1\"")));
    }

    @Test
    void theCacheKeyIncludesTheAcceptHeader() {
        SERVER.stubFor(get("/neg").withHeader("Accept", equalTo("text/html")).willReturn(ok("html")));
        SERVER.stubFor(get("/neg").withHeader("Accept", equalTo("application/json")).willReturn(ok("json")));
        Http http = new Http(options());
        assertEquals("html", new String(http.get(url("/neg"), "text/html").body(), UTF_8));
        assertEquals("json", new String(http.get(url("/neg"), "application/json").body(), UTF_8));
    }

    @Test
    void offlineServesTheCacheAndNamesAMiss() {
        SERVER.stubFor(get("/off").willReturn(ok("kept")));
        new Http(options()).get(url("/off"), "*/*");
        Http offline = new Http(options().withOffline(true).withTtl(Duration.ZERO));
        Http.Response response = offline.get(url("/off"), "*/*");
        assertEquals(Origin.CACHE, response.origin());
        assertEquals("kept", new String(response.body(), UTF_8));
        RegistryException e = failure(offline, "/never-fetched");
        assertEquals(Reason.OFFLINE, e.reason());
        assertEquals(url("/never-fetched") + ": not in the cache, and pinver is offline", e.getMessage());
        SERVER.verify(1, getRequestedFor(urlEqualTo("/off")));
    }

    @Test
    void noStoreAnswersAreNotCached() {
        SERVER.stubFor(get("/private").willReturn(ok("secret").withHeader("Cache-Control", "no-store")));
        Http http = new Http(options());
        http.get(url("/private"), "*/*");
        http.get(url("/private"), "*/*");
        SERVER.verify(2, getRequestedFor(urlEqualTo("/private")));
    }

    @Test
    void aCorruptCacheEntryCountsAsAMiss() throws IOException {
        SERVER.stubFor(get("/corrupt").willReturn(ok("good")));
        Http http = new Http(options());
        http.get(url("/corrupt"), "*/*");
        try (var files = Files.walk(cacheDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.write(file, "pinver-http-cache 1\n{\"url\":\"x\"}\ntruncated".getBytes(UTF_8));
            }
        }
        assertEquals(Origin.NETWORK, http.get(url("/corrupt"), "*/*").origin());
    }

    @Test
    void credentialsInTheUrlBecomeBasicAuthAndNeverShow() {
        SERVER.stubFor(get("/private/x").willReturn(aResponse().withStatus(403)));
        String secretUrl = "http://alice:s3cr%40t-pw@127.0.0.1:" + SERVER.getPort() + "/private/x";
        RegistryException e = assertThrows(RegistryException.class, () -> new Http(options()).get(secretUrl, "*/*"));
        SERVER.verify(getRequestedFor(urlEqualTo("/private/x"))
                .withHeader("Authorization", equalTo("Basic YWxpY2U6czNjckB0LXB3")));
        assertFalse(e.getMessage().contains("s3cr"), e.getMessage());
        assertFalse(e.getMessage().contains("alice"), e.getMessage());
        assertEquals(url("/private/x") + ": HTTP 403", e.getMessage());
    }

    @Test
    void bearerTokensGoToTheirHostOnlyAndNeverShow() {
        String token = "npm_TOKENabcdef0123456789";
        SERVER.stubFor(get("/hop").willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://localhost:" + SERVER.getPort() + "/landed?token=" + token)));
        SERVER.stubFor(get(urlEqualTo("/landed?token=" + token)).willReturn(aResponse().withStatus(500)));
        Http http = new Http(options().withHostCredentials("127.0.0.1", new Credentials.Bearer(token)).withRetries(0, Duration.ZERO, Duration.ZERO));
        RegistryException e = failure(http, "/hop");
        SERVER.verify(getRequestedFor(urlEqualTo("/hop")).withHeader("Authorization", equalTo("Bearer " + token)));
        SERVER.verify(getRequestedFor(urlEqualTo("/landed?token=" + token)).withoutHeader("Authorization"));
        assertFalse(e.getMessage().contains(token), e.getMessage());
        assertFalse(http.redact("echo " + token).contains(token));
    }

    @Test
    void redirectsAreFollowedAndCachedUnderTheAskedUrl() {
        SERVER.stubFor(get("/simple/Foo_Bar/").willReturn(aResponse().withStatus(301).withHeader("Location", "/simple/foo-bar/")));
        SERVER.stubFor(get("/simple/foo-bar/").willReturn(ok("listing")));
        Http http = new Http(options());
        assertEquals("listing", new String(http.get(url("/simple/Foo_Bar/"), "*/*").body(), UTF_8));
        assertEquals(Origin.CACHE, http.get(url("/simple/Foo_Bar/"), "*/*").origin());
    }

    @Test
    void requestsPerHostAreBounded() throws Exception {
        SERVER.stubFor(get("/queue").willReturn(ok("q").withFixedDelay(300)));
        Http http = new Http(options().withMaxPerHost(2).withTtl(Duration.ZERO).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10)));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        long start = System.nanoTime();
        try {
            List<Future<Http.Response>> all = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                all.add(pool.submit(() -> http.get(url("/queue"), "*/*")));
            }
            for (Future<Http.Response> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMs >= 880, "6 requests of 300 ms, 2 at a time, took only " + elapsedMs + " ms");
    }

    @Test
    void aHostThatDoesNotResolveIsAConnectionFailureThatSaysSoWithoutRetrying() {
        // .invalid never resolves (RFC 6761)
        RegistryException e = assertThrows(RegistryException.class,
                () -> new Http(options()).get("http://registry.invalid/simple/", "*/*"));
        assertEquals(Reason.CONNECTION, e.reason());
        assertEquals("http://registry.invalid/simple/: unknown host registry.invalid", e.getMessage());
    }

    @Test
    void requestsGoThroughTheConfiguredProxy() {
        SERVER.stubFor(get("/via-proxy").withHeader("Host", equalTo("registry.invalid")).willReturn(ok("proxied")));
        ProxyConfig proxy = ProxyConfig.fromEnv(Map.of("http_proxy", "http://127.0.0.1:" + SERVER.getPort()));
        Http http = new Http(options().withProxy(proxy));
        assertEquals("proxied", new String(http.get("http://registry.invalid/via-proxy", "*/*").body(), UTF_8));
    }

    @Test
    void fileUrlsReadFilesAndDirectoryIndexes(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("simple/demo"));
        Files.writeString(dir.resolve("simple/demo/index.html"), "<a href='x'>x</a>");
        Http http = new Http(options().withAllowInsecureHttp(false).withOffline(true));
        Http.Response response = http.get(dir.resolve("simple/demo").toUri().toString(), "text/html");
        assertEquals(Origin.FILE, response.origin());
        assertEquals("text/html", response.mediaType());
        assertEquals("<a href='x'>x</a>", new String(response.body(), UTF_8));
        RegistryException missing = assertThrows(RegistryException.class,
                () -> http.get(dir.resolve("simple/absent/").toUri().toString(), "text/html"));
        assertEquals(Reason.NOT_FOUND, missing.reason());
        Files.write(dir.resolve("huge.json"), new byte[4096]);
        RegistryException huge = assertThrows(RegistryException.class,
                () -> new Http(options().withMaxBodyBytes(1024)).get(dir.resolve("huge.json").toUri().toString(), "*/*"));
        assertEquals(Reason.TOO_LARGE, huge.reason());
    }

    @Test
    void optionsKeepTokensOutOfTheirText() {
        HttpOptions options = options().withHostCredentials("Registry.Example", new Credentials.Bearer("tok-123456"));
        assertFalse(options.toString().contains("tok-123456"), options.toString());
        assertEquals(Optional.of(new Credentials.Bearer("tok-123456")), Optional.ofNullable(options.hostCredentials().get("registry.example")));
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** A clock tests move by hand. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
