package dev.pinver.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pinver.manifest.Dependency;
import dev.pinver.manifest.PomReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maven Central itself, with an empty settings and a temporary local repository. Skipped, with a
 * message, when Central does not answer within a few seconds.
 */
@Tag("live")
class MavenRegistryLiveTest {

    private static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    @TempDir
    Path temp;

    @BeforeAll
    static void centralIsReachable() {
        String problem;
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest head = HttpRequest.newBuilder(URI.create(CENTRAL + "junit/junit/maven-metadata.xml"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5)).build();
            int status = client.send(head, HttpResponse.BodyHandlers.discarding()).statusCode();
            problem = status == 200 ? null : "HTTP " + status;
        } catch (IOException e) {
            problem = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        }
        if (problem != null) {
            String message = "Maven Central not reachable (" + problem + "); skipping live Maven registry tests";
            System.err.println("SKIPPED: " + message);
            assumeTrue(false, message);
        }
    }

    private MavenRegistry open(Path local) {
        return MavenRegistry.open(MavenOptions.of(MavenSettings.NONE).withLocalRepository(local));
    }

    @Test
    void gsonAndJunitAsCentralListsThem() {
        try (MavenRegistry registry = open(temp.resolve("local"))) {
            List<MavenOutcome> outcomes = registry.versionsAll(List.of(
                    new MavenCoordinates("com.google.code.gson", "gson"),
                    new MavenCoordinates("junit", "junit"),
                    new MavenCoordinates("com.google.code.gson", "no-such-artifact-pinver")));

            MavenVersions gson = assertInstanceOf(MavenVersions.class, outcomes.get(0));
            assertTrue(gson.versions().containsAll(List.of("1.1", "2.8.9", "2.10", "2.10.1")), gson.versions().toString());
            assertTrue(gson.versions().indexOf("2.10") < gson.versions().indexOf("2.10.1"));

            MavenVersions junit = assertInstanceOf(MavenVersions.class, outcomes.get(1));
            // the 4.x line ended at 4.13.2 (February 2021); its betas and release candidates come before their release
            assertEquals(List.of("4.13-beta-1", "4.13-beta-2", "4.13-beta-3", "4.13-rc-1", "4.13-rc-2", "4.13", "4.13.1", "4.13.2"),
                    junit.versions().subList(junit.versions().indexOf("4.13-beta-1"), junit.versions().indexOf("4.13.2") + 1));
            assertEquals("3.7", junit.versions().get(0));
            assertFalse(junit.versions().stream().anyMatch(v -> v.endsWith("SNAPSHOT")));
            Instant released = Instant.parse("2021-02-13T00:00:00Z");
            assertTrue(junit.lastUpdated().orElseThrow().isAfter(released), junit.lastUpdated().toString());
            MavenRelease last = junit.releases().stream().filter(r -> r.version().equals("4.13.2")).findFirst().orElseThrow();
            assertEquals("central", last.repository());
            assertTrue(last.publishedNoLaterThan().orElseThrow().isAfter(released));

            MavenFailure missing = assertInstanceOf(MavenFailure.class, outcomes.get(2));
            assertEquals(MavenFailure.Kind.NOT_FOUND, missing.kind(), missing.message());

            Optional<Instant> published = registry.publishedAt("junit", "junit", "4.13.2");
            System.out.println("junit:junit:4.13.2 pom Last-Modified: "
                    + published.map(Instant::toString).orElse("none sent by the server"));
            published.ifPresent(p -> assertEquals("2021-02-13", p.toString().substring(0, 10)));
        }
    }

    @Test
    void benchPeersColdAndWarm() throws IOException {
        Path pom = Path.of(System.getProperty("pinver.root", ".")).resolve("../shared/bench/peers/pom.xml").normalize();
        if (!Files.isRegularFile(pom)) {
            String message = "bench manifest not found at " + pom + "; skipping the timing";
            System.err.println("SKIPPED: " + message);
            assumeTrue(false, message);
        }
        List<Dependency> dependencies = new PomReader().read(pom, Files.readString(pom)).dependencies();
        List<MavenCoordinates> coordinates = dependencies.stream().map(d -> MavenCoordinates.parse(d.name())).toList();
        assertEquals(40, coordinates.size());
        Path local = temp.resolve("local");

        for (String run : List.of("cold", "warm", "warm, refreshed")) {
            MavenOptions options = MavenOptions.of(MavenSettings.NONE).withLocalRepository(local)
                    .withRefresh(run.endsWith("refreshed"));
            try (MavenRegistry registry = MavenRegistry.open(options)) {
                long start = System.nanoTime();
                List<MavenOutcome> outcomes = registry.versionsAll(coordinates);
                long millis = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("versionsAll, 40 artifacts of bench/peers against Maven Central, %s: %d ms%n", run, millis);
                for (int i = 0; i < dependencies.size(); i++) {
                    MavenVersions versions = assertInstanceOf(MavenVersions.class, outcomes.get(i), outcomes.get(i)::toString);
                    assertTrue(versions.versions().contains(dependencies.get(i).spec()),
                            dependencies.get(i).name() + " lists " + dependencies.get(i).spec());
                }
            }
        }
    }
}
