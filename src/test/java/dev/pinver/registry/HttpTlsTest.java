package dev.pinver.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.pinver.ConnectProxy;
import dev.pinver.PinverException;
import dev.pinver.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTPS with a private CA: a WireMock server on 127.0.0.1 presents a certificate made for this run by
 * the JDK's keytool; pinver trusts it only when given its PEM as the extra CA file.
 */
class HttpTlsTest {

    @TempDir
    static Path keys;

    private static WireMockServer server;
    private static Path pem;
    /** A server whose certificate names another host only. */
    private static WireMockServer elsewhere;
    private static Path elsewherePem;

    @BeforeAll
    static void start() throws Exception {
        TestCertificates.Certificate certificate = TestCertificates.make(keys, "server", "ip:127.0.0.1,dns:localhost");
        pem = keys.resolve("ca.pem");
        Files.writeString(pem, "# a comment before the certificate\n" + Files.readString(certificate.pem()));
        server = TestCertificates.httpsServer(certificate);
        server.stubFor(get("/simple/").willReturn(ok("secure")));
        TestCertificates.Certificate other = TestCertificates.make(keys, "elsewhere", "dns:elsewhere.invalid");
        elsewherePem = other.pem();
        elsewhere = TestCertificates.httpsServer(other);
        for (int i = 0; i < 24; i++) {
            server.stubFor(get("/many/" + i).willReturn(ok(String.valueOf(i)).withFixedDelay(50)));
        }
    }

    @AfterAll
    static void stop() {
        if (elsewhere != null) {
            elsewhere.stop();
        }
        if (server != null) {
            assertEquals(List.of(), server.findAllUnmatchedRequests());
            server.stop();
        }
    }

    private static String url() {
        return url("/simple/");
    }

    private static String url(String path) {
        return "https://127.0.0.1:" + server.httpsPort() + path;
    }

    @Test
    void anUnknownCaIsRefused(@TempDir Path cache) {
        Http http = new Http(HttpOptions.defaults(Map.of()).withCacheDir(cache));
        RegistryException e = assertThrows(RegistryException.class, () -> http.get(url(), "text/html"));
        assertEquals(RegistryException.Reason.TLS, e.reason());
        assertTrue(e.getMessage().startsWith(url() + ": TLS failure: "), e.getMessage());
    }

    @Test
    void aCertificateForAnotherHostIsRefusedEvenFromATrustedCa(@TempDir Path cache) {
        Http http = new Http(HttpOptions.defaults(Map.of()).withCacheDir(cache).withExtraCaFile(elsewherePem));
        String url = "https://127.0.0.1:" + elsewhere.httpsPort() + "/x";
        RegistryException e = assertThrows(RegistryException.class, () -> http.get(url, "text/html"));
        assertEquals(RegistryException.Reason.TLS, e.reason());
    }

    /** BoringSSL's TLS and the JDK's (used where Conscrypt has no native library) check the same things. */
    @ParameterizedTest(name = "native TLS: {0}")
    @ValueSource(booleans = {true, false})
    void bothTlsImplementationsCheckTheChainAndTheHostName(boolean nativeTls, @TempDir Path cache) throws IOException {
        assumeTrue(!nativeTls || TlsSockets.nativeAvailable(), "Conscrypt has no native library for this platform");
        HttpOptions options = HttpOptions.defaults(Map.of()).withCacheDir(cache).withExtraCaFile(pem);
        HttpTransport transport = new HttpTransport(options, () -> nativeTls);
        assertEquals(nativeTls, transport.tls().getClass().getName().startsWith("org.conscrypt."), transport.tls().getClass().getName());
        HttpTransport.Answer answer = transport.get(URI.create(url()), Map.of());
        assertEquals(200, answer.status());
        assertEquals("secure", new String(answer.body(), UTF_8));

        URI elsewhereUrl = URI.create("https://127.0.0.1:" + elsewhere.httpsPort() + "/x");
        SSLHandshakeException untrusted = assertThrows(SSLHandshakeException.class, () -> transport.get(elsewhereUrl, Map.of()));
        assertTrue(untrusted.getMessage().contains("PKIX") || untrusted.getMessage().contains("certification path"), untrusted.getMessage());

        HttpTransport trusting = new HttpTransport(options.withExtraCaFile(elsewherePem), () -> nativeTls);
        SSLPeerUnverifiedException wrongHost = assertThrows(SSLPeerUnverifiedException.class, () -> trusting.get(elsewhereUrl, Map.of()));
        assertEquals("the server's certificate is not for 127.0.0.1", wrongHost.getMessage());
        assertEquals(List.of(), elsewhere.findAll(RequestPatternBuilder.allRequests()), "no request reached the wrong host");
    }

    @Test
    void httpsGoesThroughTheProxysTunnelAndStillChecksTheServer(@TempDir Path cache) throws Exception {
        try (ConnectProxy proxy = new ConnectProxy()) {
            ProxyConfig config = ProxyConfig.fromEnv(Map.of("https_proxy", "http://127.0.0.1:" + proxy.port()));
            HttpOptions options = HttpOptions.defaults(Map.of()).withCacheDir(cache).withProxy(config);
            assertEquals("secure", new String(new Http(options.withExtraCaFile(pem)).get(url(), "text/html").body(), UTF_8));
            assertEquals(List.of("127.0.0.1:" + server.httpsPort()), proxy.tunnels());

            RegistryException untrusted = assertThrows(RegistryException.class,
                    () -> new Http(options.withCacheDir(cache.resolve("other"))).get(url(), "text/html"));
            assertEquals(RegistryException.Reason.TLS, untrusted.reason());
            assertEquals(2, proxy.tunnels().size());
        }
    }

    @Test
    void theExtraCaFileIsTrusted(@TempDir Path cache) {
        Http http = new Http(HttpOptions.defaults(Map.of()).withCacheDir(cache).withExtraCaFile(pem));
        assertEquals("secure", new String(http.get(url(), "text/html").body(), UTF_8));
    }

    @Test
    void concurrentRequestsToOneHostAllGetTheirOwnAnswer(@TempDir Path cache) throws Exception {
        Http http = new Http(HttpOptions.defaults(Map.of()).withCacheDir(cache).withExtraCaFile(pem).withMaxPerHost(8));
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String path = "/many/" + i;
                answers.add(pool.submit(() -> new String(http.get(url(path), "text/plain").body(), UTF_8)));
            }
            for (int i = 0; i < 24; i++) {
                assertEquals(String.valueOf(i), answers.get(i).get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentRequestsToAnUntrustedServerAllFailQuicklyAsTls(@TempDir Path cache) throws Exception {
        Http http = new Http(HttpOptions.defaults(Map.of()).withCacheDir(cache)
                .withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(30)));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        long start = System.nanoTime();
        try {
            List<Future<RegistryException>> failures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String path = "/many/" + i;
                failures.add(pool.submit(() -> assertThrows(RegistryException.class, () -> http.get(url(path), "text/plain"))));
            }
            for (Future<RegistryException> f : failures) {
                assertEquals(RegistryException.Reason.TLS, f.get(30, TimeUnit.SECONDS).reason());
            }
        } finally {
            pool.shutdownNow();
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMs < 10_000, "some waited out the 20 s connect timeout: " + elapsedMs + " ms");
    }

    @Test
    void aCaFileWithoutCertificatesIsAUsageError(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "no certificates here\n");
        PinverException e = assertThrows(PinverException.class,
                () -> new Http(HttpOptions.defaults(Map.of()).withCacheDir(dir).withExtraCaFile(empty)));
        assertEquals(PinverException.Kind.USAGE, e.kind());
        assertEquals("CA file " + empty + " holds no PEM certificate", e.getMessage());
    }
}
