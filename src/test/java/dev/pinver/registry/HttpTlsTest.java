package dev.pinver.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pinver.PinverException;
import java.io.IOException;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS with a private CA: a WireMock server on 127.0.0.1 presents a certificate made for this run by
 * the JDK's keytool; pinver trusts it only when given its PEM as the extra CA file.
 */
class HttpTlsTest {

    @TempDir
    static Path keys;

    private static WireMockServer server;
    private static Path pem;

    @BeforeAll
    static void start() throws Exception {
        Path keystore = keys.resolve("server.p12");
        pem = keys.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=pinver test",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", pem.toString());
        Files.writeString(pem, "# a comment before the certificate\n" + Files.readString(pem));
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").httpDisabled(true).dynamicHttpsPort()
                .keystorePath(keystore.toString()).keystorePassword("changeit").keyManagerPassword("changeit").keystoreType("PKCS12"));
        server.start();
        server.stubFor(get("/simple/").willReturn(ok("secure")));
        for (int i = 0; i < 24; i++) {
            server.stubFor(get("/many/" + i).willReturn(ok(String.valueOf(i)).withFixedDelay(50)));
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "keytool failed: " + output);
    }

    @AfterAll
    static void stop() {
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
    void aFailedFirstContactReleasesTheRequestsWaitingForIt(@TempDir Path cache) throws Exception {
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
        assertTrue(elapsedMs < 10_000, "the others waited out the 20 s connect timeout: " + elapsedMs + " ms");
    }

    @Test
    void chaChaComesFirstAndNoSuiteIsDropped() {
        assertArrayEquals(new String[] {"TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"},
                Http.chaChaFirst(new String[] {"TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"}));
        assertArrayEquals(new String[] {"TLS_AES_128_GCM_SHA256"}, Http.chaChaFirst(new String[] {"TLS_AES_128_GCM_SHA256"}));
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
