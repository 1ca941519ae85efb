package dev.pinver.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.pinver.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Maven repository over HTTPS with a private CA: Resolver's transport runs on pinver's TLS, so it trusts
 * the CA file as the other registries do, and still checks the host name.
 */
class MavenRegistryTlsTest {

    @TempDir
    static Path keys;

    private static WireMockServer trusted;
    private static Path trustedPem;
    /** A server whose certificate names another host only. */
    private static WireMockServer elsewhere;
    private static Path elsewherePem;

    @BeforeAll
    static void start() throws Exception {
        String metadata = Files.readString(MavenFixtures.resource("releases/com/example/alpha/maven-metadata.xml"));
        TestCertificates.Certificate good = TestCertificates.make(keys, "repository", "ip:127.0.0.1");
        trustedPem = good.pem();
        trusted = TestCertificates.httpsServer(good);
        TestCertificates.Certificate other = TestCertificates.make(keys, "elsewhere", "dns:elsewhere.invalid");
        elsewherePem = other.pem();
        elsewhere = TestCertificates.httpsServer(other);
        for (WireMockServer server : List.of(trusted, elsewhere)) {
            server.stubFor(get(urlEqualTo("/maven2/com/example/alpha/maven-metadata.xml")).atPriority(1)
                    .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody(metadata)));
            server.stubFor(get(anyUrl()).atPriority(5).willReturn(aResponse().withStatus(404)));
        }
    }

    @AfterAll
    static void stop() {
        trusted.stop();
        elsewhere.stop();
    }

    private static MavenOutcome alpha(WireMockServer server, Path caFile, Path local) {
        MavenOptions options = MavenOptions.of(MavenSettings.NONE)
                .withRepositories(List.of(MavenRepository.of("central", "https://127.0.0.1:" + server.httpsPort() + "/maven2")))
                .withLocalRepository(local)
                .withExtraCaFile(caFile);
        try (MavenRegistry registry = MavenRegistry.open(options)) {
            return registry.versions("com.example", "alpha");
        }
    }

    @Test
    void theCaFileIsTrusted(@TempDir Path local) {
        MavenVersions alpha = assertInstanceOf(MavenVersions.class, alpha(trusted, trustedPem, local));
        assertEquals(List.of("0.9", "1.0.0", "1.0.1", "1.1.0", "2.0.0-rc-1"), alpha.versions());
    }

    @Test
    void anotherCaIsNot(@TempDir Path local) {
        MavenFailure failure = assertInstanceOf(MavenFailure.class, alpha(trusted, elsewherePem, local));
        assertEquals(MavenFailure.Kind.UNREACHABLE, failure.kind(), failure.message());
    }

    @Test
    void aCertificateForAnotherHostIsRefused(@TempDir Path local) {
        MavenFailure failure = assertInstanceOf(MavenFailure.class, alpha(elsewhere, elsewherePem, local));
        assertEquals(MavenFailure.Kind.UNREACHABLE, failure.kind(), failure.message());
        assertTrue(failure.message().contains("127.0.0.1"), failure.message());
        assertEquals(List.of(), elsewhere.findAll(RequestPatternBuilder.allRequests()), "no request reached the wrong host");
    }
}
