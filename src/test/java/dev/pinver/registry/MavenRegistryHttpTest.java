package dev.pinver.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pinver.LocalWireMock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository manager that needs credentials, played by WireMock on 127.0.0.1 (plain http, so the
 * registry is opened with insecure http allowed): the fixture's metadata and a pom with a
 * {@code Last-Modified}, answered only with the right basic credentials, 401 otherwise.
 */
class MavenRegistryHttpTest {

    private static final String USER = "reader";
    private static final String PASSWORD = "N3xus-Reader-Pw";

    @RegisterExtension
    static final WireMockExtension SERVER = LocalWireMock.server();

    @TempDir
    Path temp;

    private final List<MavenRegistry> opened = new ArrayList<>();

    @BeforeEach
    void stubRepository() throws IOException {
        String metadata = Files.readString(MavenFixtures.resource("releases/com/example/alpha/maven-metadata.xml"));
        String pom = Files.readString(MavenFixtures.resource("releases/com/example/alpha/1.1.0/alpha-1.1.0.pom"));
        SERVER.stubFor(get(urlEqualTo("/maven2/com/example/alpha/maven-metadata.xml")).atPriority(1)
                .withBasicAuth(USER, PASSWORD)
                .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody(metadata)));
        SERVER.stubFor(get(urlEqualTo("/maven2/com/example/alpha/1.1.0/alpha-1.1.0.pom")).atPriority(1)
                .withBasicAuth(USER, PASSWORD)
                .willReturn(aResponse().withHeader("Content-Type", "text/xml")
                        .withHeader("Last-Modified", "Tue, 05 Mar 2024 11:58:00 GMT").withBody(pom)));
        // anything else asked with the right credentials (checksums, other artifacts) is not there
        SERVER.stubFor(get(anyUrl()).atPriority(5).withBasicAuth(USER, PASSWORD).willReturn(aResponse().withStatus(404)));
        SERVER.stubFor(get(anyUrl()).atPriority(10)
                .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic realm=\"fixture\"")));
    }

    @AfterEach
    void closeRegistries() {
        opened.forEach(MavenRegistry::close);
    }

    private MavenOptions options(String password) {
        MavenSettings settings = MavenFixtures.settings("mirror-all.xml", Map.of(
                "fixture.mirror", "http://127.0.0.1:" + SERVER.getPort() + "/maven2", "fixture.password", password));
        return MavenFixtures.options(settings, temp.resolve("local"), List.of()).withAllowInsecureHttp(true);
    }

    private MavenRegistry open(MavenOptions options) {
        MavenRegistry registry = MavenRegistry.open(options);
        opened.add(registry);
        return registry;
    }

    @Test
    void readsMetadataWithCredentials() {
        MavenVersions alpha = assertInstanceOf(MavenVersions.class, open(options(PASSWORD)).versions("com.example", "alpha"));
        assertEquals(List.of("0.9", "1.0.0", "1.0.1", "1.1.0", "2.0.0-rc-1"), alpha.versions());
        assertEquals(List.of(), alpha.incomplete());

        // without an answer cache, another registry asks again; with one, only the first of two asks
        open(options(PASSWORD)).versions("com.example", "alpha");
        MavenOptions keeping = options(PASSWORD).withAnswerCache(temp.resolve("cache"), Duration.ofHours(1));
        open(keeping).versions("com.example", "alpha");
        assertEquals(alpha.versions(),
                assertInstanceOf(MavenVersions.class, open(keeping).versions("com.example", "alpha")).versions());
        SERVER.verify(3, getRequestedFor(urlEqualTo("/maven2/com/example/alpha/maven-metadata.xml"))
                .withBasicAuth(new BasicCredentials(USER, PASSWORD)));
        // the metadata alone is asked for (after the server's 401 challenge): no .sha1 or .md5 beside it
        assertEquals(List.of("/maven2/com/example/alpha/maven-metadata.xml"),
                SERVER.getAllServeEvents().stream().map(e -> e.getRequest().getUrl()).distinct().toList());
    }

    @Test
    void sendsTheServersHeaders() throws IOException {
        String token = "glpat-Fixture0Token";
        String metadata = Files.readString(MavenFixtures.resource("releases/com/example/beta/maven-metadata.xml"));
        SERVER.stubFor(get(urlEqualTo("/gitlab/com/example/beta/maven-metadata.xml")).atPriority(1)
                .withHeader("Private-Token", equalTo(token))
                .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody(metadata)));
        MavenSettings settings = MavenFixtures.settings("token.xml", Map.of(
                "fixture.mirror", "http://127.0.0.1:" + SERVER.getPort() + "/gitlab", "fixture.token", token));
        MavenRegistry registry = open(MavenFixtures.options(settings, temp.resolve("local"), List.of())
                .withAllowInsecureHttp(true));

        assertTrue(registry.repositories().get(0).authenticated());
        MavenVersions beta = assertInstanceOf(MavenVersions.class, registry.versions("com.example", "beta"));
        assertEquals(List.of("3.1"), beta.versions());
        MavenFailure gamma = assertInstanceOf(MavenFailure.class, registry.versions("com.example", "gamma"));
        assertFalse(gamma.toString().contains(token), gamma.toString());
    }

    @Test
    void aRefusedPasswordIsUnauthorizedAndNeverShown() {
        String wrong = "Wr0ng-Passw0rd";
        MavenFailure failure = assertInstanceOf(MavenFailure.class, open(options(wrong)).versions("com.example", "alpha"));
        assertEquals(MavenFailure.Kind.UNAUTHORIZED, failure.kind());
        assertEquals("com.example:alpha: nexus (http://127.0.0.1:" + SERVER.getPort() + "/maven2): HTTP 401: credentials"
                + " missing or refused", failure.message());
        assertFalse(failure.toString().contains(wrong), failure.toString());
    }

    @Test
    void publishedAtIsThePomsLastModified() {
        MavenRegistry registry = open(options(PASSWORD));
        assertEquals(Optional.of(Instant.parse("2024-03-05T11:58:00Z")), registry.publishedAt("com.example", "alpha", "1.1.0"));
        assertEquals(Optional.empty(), registry.publishedAt("com.example", "alpha", "9.9"));
        // remembered: asked once
        assertEquals(Optional.of(Instant.parse("2024-03-05T11:58:00Z")), registry.publishedAt("com.example", "alpha", "1.1.0"));
        SERVER.verify(1, getRequestedFor(urlEqualTo("/maven2/com/example/alpha/1.1.0/alpha-1.1.0.pom"))
                .withBasicAuth(new BasicCredentials(USER, PASSWORD)));
    }

    @Test
    void aFailedRefreshFallsBackToTheCopyDownloadedBefore() {
        List<String> fetched = assertInstanceOf(MavenVersions.class, open(options(PASSWORD)).versions("com.example", "alpha"))
                .versions();
        SERVER.resetAll();
        SERVER.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(500)));

        MavenVersions cached = assertInstanceOf(MavenVersions.class,
                open(options(PASSWORD).withRefresh(true)).versions("com.example", "alpha"));
        assertEquals(fetched, cached.versions());
        assertEquals(List.of(new MavenFailure.RepositoryFailure("nexus", MavenFailure.Kind.UNREACHABLE,
                "nexus (http://127.0.0.1:" + SERVER.getPort() + "/maven2): HTTP 500 (the copy downloaded before was used)")),
                cached.incomplete());
    }

    @Test
    void aStreamedBodyLargerThanTheLimitIsCutOff() {
        // chunked, so no length is known in advance: the download stops once it is past the limit
        SERVER.stubFor(get(urlEqualTo("/maven2/com/example/huge/maven-metadata.xml")).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "text/xml")
                        .withBody(" ".repeat((int) MavenMetadata.MAX_BYTES + 1)).withChunkedDribbleDelay(4, 20)));
        MavenFailure failure = assertInstanceOf(MavenFailure.class, open(options(PASSWORD)).versions("com.example", "huge"));
        assertEquals(MavenFailure.Kind.MALFORMED, failure.kind());
        assertTrue(failure.message().endsWith("metadata larger than the limit of " + MavenMetadata.MAX_BYTES + " bytes"),
                failure.message());
    }

    @Test
    void plainHttpIsNotAskedWithoutTheFlag() {
        MavenRegistry registry = open(options(PASSWORD).withAllowInsecureHttp(false));
        MavenFailure failure = assertInstanceOf(MavenFailure.class, registry.versions("com.example", "alpha"));
        assertEquals(MavenFailure.Kind.REFUSED, failure.kind());
        assertTrue(failure.message().contains("plain http:// is refused"), failure.message());
        assertEquals(0, SERVER.getAllServeEvents().size());
    }
}
