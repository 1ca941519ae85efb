package dev.pinver.registry;

import static dev.pinver.registry.MavenFixtures.options;
import static dev.pinver.registry.MavenFixtures.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** settings.xml applied: the repositories the registry ends up reading, and secrets kept out of errors. */
class MavenRegistrySettingsTest {

    @TempDir
    Path temp;

    private final List<MavenRegistry> opened = new ArrayList<>();

    @AfterEach
    void closeRegistries() {
        opened.forEach(MavenRegistry::close);
    }

    private MavenRegistry open(MavenSettings settings, List<MavenRepository> pomRepositories) {
        MavenRegistry registry = MavenRegistry.open(options(settings, temp.resolve("local"), pomRepositories));
        opened.add(registry);
        return registry;
    }

    private static MavenEffectiveRepository repository(String id, String url, List<String> mirrorOf) {
        return new MavenEffectiveRepository(id, url, mirrorOf, false, Optional.empty(), Optional.empty());
    }

    @Test
    void mirrorPatternsAsResolverMatchesThem() {
        String fixture = url(temp.resolve("fixture"));
        MavenRegistry registry = open(MavenFixtures.settings("mirrors.xml", Map.of()), List.of(
                MavenRepository.of("vendor", "https://vendor.example/repo"),
                MavenRepository.of("fixture", fixture),
                MavenRepository.of("legacy", "http://legacy.example/repo"),
                MavenRepository.of("partner", "https://partner.example/m2")));

        assertEquals(List.of(
                // an exact id wins over patterns
                repository("vendor-mirror", "https://vendor-mirror.example/m2", List.of("vendor")),
                // external:* leaves file: (and localhost) repositories alone
                repository("fixture", fixture, List.of()),
                // the http blocker comes first in the file, so the plain http repository is blocked
                new MavenEffectiveRepository("maven-default-http-blocker", "http://0.0.0.0/", List.of("legacy"), false,
                        Optional.empty(), Optional.of("blocked by mirror 'maven-default-http-blocker' in settings.xml")),
                // !partner excludes it from external:*
                repository("partner", "https://partner.example/m2", List.of()),
                repository("ext", "https://nexus.example/repository/maven-public/", List.of("central"))),
                registry.repositories());
    }

    @Test
    void credentialsProxiesAndProfileRepositories() {
        MavenSettings settings = MavenFixtures.settings("corporate.xml",
                Map.of("fixture.local", temp.resolve("local").toString(), "env.CORP_PASSWORD", "C0rp-Pa55"));
        MavenRegistry registry = open(settings, List.of(
                MavenRepository.of("gitlab", "https://gitlab.internal.example/api/v4/projects/42/packages/maven"),
                MavenRepository.of("vault", "https://vault.example/m2")));

        Optional<String> office = Optional.of("proxy.corp.example:3128");
        assertEquals(List.of(
                new MavenEffectiveRepository("corp", "https://repo.corp.example/maven2", List.of(), true, office, Optional.empty()),
                // a header token counts as credentials; *.internal.example is reached without the proxy
                new MavenEffectiveRepository("gitlab", "https://gitlab.internal.example/api/v4/projects/42/packages/maven",
                        List.of(), true, Optional.empty(), Optional.empty()),
                // its password is encrypted: not sent
                new MavenEffectiveRepository("vault", "https://vault.example/m2", List.of(), false, office, Optional.empty()),
                new MavenEffectiveRepository("central", "https://repo.maven.apache.org/maven2", List.of(), false, office,
                        Optional.empty())),
                registry.repositories());
        assertEquals(List.of("server 'vault' in settings.xml has an encrypted password, which pinver cannot decrypt; its"
                + " credentials are not sent (put the plain password in an environment variable and write ${env.NAME}"
                + " instead)"), registry.warnings());
    }

    @Test
    void aMirrorOfEverythingServesEveryRepository() {
        Path releases = MavenFixtures.repository("releases", temp);
        MavenSettings settings = MavenFixtures.settings("mirror-all.xml",
                Map.of("fixture.mirror", url(releases), "fixture.password", "N3xus-Reader-Pw"));
        MavenRegistry registry = open(settings, List.of(MavenRepository.of("snapshots", "https://snapshots.example/m2")));

        assertEquals(List.of(new MavenEffectiveRepository("nexus", url(releases), List.of("snapshots", "central"), true,
                Optional.empty(), Optional.empty())), registry.repositories());
        MavenVersions alpha = assertInstanceOf(MavenVersions.class, registry.versions("com.example", "alpha"));
        assertEquals(List.of("0.9", "1.0.0", "1.0.1", "1.1.0", "2.0.0-rc-1"), alpha.versions());
        assertEquals("nexus", alpha.releases().get(0).repository());
    }

    @Test
    void noPasswordInTheErrorOfAnUnreachableMirror() {
        MavenRegistry registry = open(MavenFixtures.settings("unreachable.xml", Map.of()), List.of());
        assertEquals("https://***@127.0.0.1:1/maven2", registry.repositories().get(0).url());

        MavenFailure failure = assertInstanceOf(MavenFailure.class, registry.versions("com.example", "alpha"));
        assertEquals(MavenFailure.Kind.UNREACHABLE, failure.kind(), failure.message());
        assertTrue(failure.message().startsWith("com.example:alpha: down (https://***@127.0.0.1:1/maven2): connection failed: "),
                failure.message());
        for (String secret : List.of("S3cr3t-Passw0rd!", "Url-Emb3dded-Pw")) {
            assertFalse(failure.toString().contains(secret), failure.toString());
        }
    }

    @Test
    void noPasswordInTheErrorOfAnUnreachableProxy() {
        MavenRegistry registry = open(MavenFixtures.settings("proxy-down.xml", Map.of()), List.of());
        assertEquals(Optional.of("127.0.0.1:1"), registry.repositories().get(0).proxy());

        MavenFailure failure = assertInstanceOf(MavenFailure.class, registry.versions("com.example", "alpha"));
        assertEquals(MavenFailure.Kind.UNREACHABLE, failure.kind(), failure.message());
        assertTrue(failure.message().startsWith("com.example:alpha: central (https://repo.maven.apache.org/maven2): connection"
                + " failed: "), failure.message());
        assertFalse(failure.toString().contains("Pr0xy-Secret"), failure.toString());
    }

    @Test
    void redactionMasksUserInfoAndEverySecret() {
        MavenFailures failures = new MavenFailures(List.of("hunter2", "hunter2-long", "tok"));
        String[][] cases = {
            {"https://user:pw@host.example/m2 failed", "https://***@host.example/m2 failed"},
            {"HTTPS://token@host/x and http://a:b@c/", "HTTPS://***@host/x and http://***@c/"},
            {"password hunter2-long then hunter2", "password *** then ***"},
            {"mail me@example.com is not a URL", "mail me@example.com is not a URL"},
            {"two\n  lines", "two lines"},
            {"a tok b", "a *** b"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], failures.redact(c[0]), c[0]);
        }
    }
}
