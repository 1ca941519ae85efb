package dev.pinver.registry;

import static dev.pinver.registry.MavenFixtures.options;
import static dev.pinver.registry.MavenFixtures.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.PinverException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry against file:// repositories (copies of the fixtures), with a local repository in a
 * temporary directory. Each test declares its fixture repository under the id {@code central}, which
 * replaces Maven Central exactly as a pom's own {@code central} does, so nothing reaches the network.
 */
class MavenRegistryTest {

    private static final Instant RELEASES_UPDATED = Instant.parse("2024-03-05T12:00:00Z");
    private static final Instant SNAPSHOTS_UPDATED = Instant.parse("2024-01-01T00:00:00Z");

    @TempDir
    Path temp;

    private Path releases;
    private Path snapshots;
    private Path local;
    private final List<MavenRegistry> opened = new ArrayList<>();

    @BeforeEach
    void copyFixtures() {
        releases = MavenFixtures.repository("releases", temp);
        snapshots = MavenFixtures.repository("snapshots", temp);
        local = temp.resolve("local");
    }

    @AfterEach
    void closeRegistries() {
        opened.forEach(MavenRegistry::close);
    }

    private MavenRegistry open(MavenOptions options) {
        MavenRegistry registry = MavenRegistry.open(options);
        opened.add(registry);
        return registry;
    }

    private MavenRegistry open(MavenRepository... repositories) {
        return open(options(MavenSettings.NONE, local, List.of(repositories)));
    }

    private MavenRepository central() {
        return MavenRepository.of("central", url(releases));
    }

    private MavenRepository snapshotRepository() {
        return MavenRepository.of("snapshots", url(snapshots));
    }

    private static MavenVersions versions(MavenOutcome outcome) {
        return assertInstanceOf(MavenVersions.class, outcome, () -> outcome.toString());
    }

    private static MavenFailure failure(MavenOutcome outcome) {
        return assertInstanceOf(MavenFailure.class, outcome, () -> outcome.toString());
    }

    @Test
    void listsReleasesInMavenOrderMergedFromEveryRepository() {
        MavenVersions alpha = versions(open(central(), snapshotRepository()).versions("com.example", "alpha"));

        // deploy order was 0.9, 1.0.0, 1.1.0, 1.0.1; "1.0 final" is not a version; 1.2.0-SNAPSHOT is not a release
        assertEquals(List.of("0.9", "1.0.0", "1.0.1", "1.1.0", "2.0.0-rc-1"), alpha.versions());
        assertEquals(List.of("central", "central", "central", "central", "central"),
                alpha.releases().stream().map(MavenRelease::repository).toList());
        assertEquals(Optional.of(RELEASES_UPDATED), alpha.lastUpdated());
        // 1.1.0 is also listed by the snapshot repository, whose metadata is older: the tighter bound wins
        assertEquals(List.of(RELEASES_UPDATED, RELEASES_UPDATED, RELEASES_UPDATED, SNAPSHOTS_UPDATED, RELEASES_UPDATED),
                alpha.releases().stream().map(r -> r.publishedNoLaterThan().orElseThrow()).toList());
        assertEquals(List.of(), alpha.incomplete());
    }

    @Test
    void snapshotsAppearOnlyWhenAskedAndOnlyFromRepositoriesThatServeThem() {
        MavenOptions withSnapshots = options(MavenSettings.NONE, local, List.of(central(), snapshotRepository()))
                .withIncludeSnapshots(true);
        MavenVersions alpha = versions(open(withSnapshots).versions("com.example", "alpha"));
        assertEquals(List.of("0.9", "1.0.0", "1.0.1", "1.1.0", "1.2.0-SNAPSHOT", "2.0.0-rc-1"), alpha.versions());
        assertEquals("snapshots", alpha.releases().get(4).repository());

        MavenRepository releasesOnly = new MavenRepository("snapshots", url(snapshots), true, false);
        MavenVersions policed = versions(open(options(MavenSettings.NONE, local, List.of(central(), releasesOnly))
                .withIncludeSnapshots(true)).versions("com.example", "alpha"));
        assertEquals(List.of("0.9", "1.0.0", "1.0.1", "1.1.0", "2.0.0-rc-1"), policed.versions());
    }

    @Test
    void aMissingArtifactIsNotFoundInEachRepository() {
        MavenFailure gamma = failure(open(central(), snapshotRepository()).versions("com.example", "gamma"));
        assertEquals(MavenFailure.Kind.NOT_FOUND, gamma.kind());
        assertEquals("com.example:gamma: central (" + url(releases) + "): not found; snapshots (" + url(snapshots)
                + "): not found", gamma.message());
        assertEquals(List.of("central", "snapshots"),
                gamma.repositories().stream().map(MavenFailure.RepositoryFailure::repository).toList());
        PinverException thrown = assertThrows(PinverException.class, gamma::orThrow);
        assertEquals(PinverException.Kind.NETWORK, thrown.kind());
    }

    @Test
    void malformedMetadataIsAnErrorValue() {
        MavenRegistry registry = open(central());
        Map<String, String> expected = Map.of(
                "broken", "not well-formed metadata XML: ",
                "impostor", "metadata is for <artifactId> 'alpha', not 'impostor'",
                "page", "not Maven metadata: the document's root is <html>");
        expected.forEach((artifact, reason) -> {
            MavenFailure failure = failure(registry.versions("com.example", artifact));
            assertEquals(MavenFailure.Kind.MALFORMED, failure.kind(), failure.message());
            assertTrue(failure.message().startsWith("com.example:" + artifact + ": central (" + url(releases) + "): " + reason),
                    failure.message());
        });
    }

    @Test
    void aRepositoryThatNoLongerHasTheMetadataTakesAwayItsCopy() throws IOException {
        MavenOptions online = options(MavenSettings.NONE, local, List.of(central()));
        versions(open(online).versions("com.example", "alpha"));
        assertTrue(Files.isRegularFile(local.resolve("com/example/alpha/maven-metadata-central.xml")));

        Files.delete(releases.resolve("com/example/alpha/maven-metadata.xml"));
        assertEquals(MavenFailure.Kind.NOT_FOUND, failure(open(online).versions("com.example", "alpha")).kind());
        assertEquals(MavenFailure.Kind.OFFLINE, failure(open(online.withOffline(true)).versions("com.example", "alpha")).kind());
    }

    @Test
    void metadataLargerThanTheLimitIsNotRead() throws IOException {
        Path huge = releases.resolve("com/example/huge/maven-metadata.xml");
        Files.createDirectories(huge.getParent());
        byte[] body = new byte[(int) MavenMetadata.MAX_BYTES + 1];
        Arrays.fill(body, (byte) ' ');
        Files.write(huge, body);
        MavenFailure failure = failure(open(central()).versions("com.example", "huge"));
        assertEquals(MavenFailure.Kind.MALFORMED, failure.kind());
        assertEquals("com.example:huge: central (" + url(releases) + "): metadata larger than the limit of "
                + MavenMetadata.MAX_BYTES + " bytes", failure.message());
        assertFalse(Files.exists(local.resolve("com/example/huge/maven-metadata-central.xml")), "nothing was kept");
    }

    @Test
    void aBrokenRepositoryMakesTheAnswerIncompleteNotFailed() throws IOException {
        Path other = temp.resolve("other");
        Files.createDirectories(other.resolve("com/example/beta"));
        Files.writeString(other.resolve("com/example/beta/maven-metadata.xml"), "<metadata><versioning><versions>");
        MavenVersions beta = versions(open(central(), MavenRepository.of("other", url(other))).versions("com.example", "beta"));
        assertEquals(List.of("3.1"), beta.versions());
        assertEquals(1, beta.incomplete().size());
        assertEquals("other", beta.incomplete().get(0).repository());
        assertEquals(MavenFailure.Kind.MALFORMED, beta.incomplete().get(0).kind());
    }

    @Test
    void invalidCoordinatesAreRefusedBeforeAnyRequest() {
        MavenRegistry registry = open(central());
        for (String[] c : new String[][] {{"com.example", ".."}, {"../../etc", "passwd"}, {"com example", "alpha"}, {"", "alpha"}}) {
            MavenFailure failure = failure(registry.versions(c[0], c[1]));
            assertEquals(MavenFailure.Kind.INVALID, failure.kind(), failure.message());
            assertEquals(PinverException.Kind.BAD_INPUT, assertThrows(PinverException.class, failure::orThrow).kind());
        }
        assertFalse(Files.exists(local.resolve("com")), "nothing was looked up for them");
    }

    @Test
    void manyArtifactsAtOnceAllGetTheirOwnAnswer() throws IOException {
        Path many = temp.resolve("many");
        List<MavenCoordinates> asked = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Path dir = many.resolve("org/many/lib" + i);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("maven-metadata.xml"), "<metadata><groupId>org.many</groupId><artifactId>lib" + i
                    + "</artifactId><versioning><versions><version>1." + i + "</version><version>2.0." + i
                    + "</version></versions></versioning></metadata>");
            asked.add(new MavenCoordinates("org.many", "lib" + i));
            if (i % 20 == 0) {
                asked.add(new MavenCoordinates("org.many", "missing" + i));
                asked.add(new MavenCoordinates("org.many", "lib" + i)); // a duplicate is answered in its place too
            }
        }
        MavenRegistry registry = open(options(MavenSettings.NONE, local, List.of(MavenRepository.of("central", url(many))))
                .withParallelism(16));

        List<MavenOutcome> outcomes = registry.versionsAll(asked);

        assertEquals(asked.size(), outcomes.size());
        for (int i = 0; i < asked.size(); i++) {
            MavenCoordinates c = asked.get(i);
            assertEquals(c, outcomes.get(i).coordinates());
            if (c.artifactId().startsWith("missing")) {
                assertEquals(MavenFailure.Kind.NOT_FOUND, failure(outcomes.get(i)).kind());
            } else {
                String n = c.artifactId().substring("lib".length());
                assertEquals(List.of("1." + n, "2.0." + n), versions(outcomes.get(i)).versions());
            }
        }
    }

    @Test
    void offlineServesWhatTheLocalRepositoryHolds() {
        MavenOptions online = options(MavenSettings.NONE, local, List.of(central()));
        MavenFailure cold = failure(open(online.withOffline(true)).versions("com.example", "alpha"));
        assertEquals(MavenFailure.Kind.OFFLINE, cold.kind());
        assertEquals("com.example:alpha: central (" + url(releases) + "): offline, and never downloaded from it", cold.message());

        List<String> fetched = versions(open(online).versions("com.example", "alpha")).versions();
        assertEquals(fetched, versions(open(online.withOffline(true)).versions("com.example", "alpha")).versions());

        MavenSettings offlineSettings = MavenFixtures.settings("offline.xml", Map.of());
        MavenRegistry fromSettings = open(options(offlineSettings, local, List.of(central())));
        assertEquals(fetched, versions(fromSettings.versions("com.example", "alpha")).versions());
        assertEquals(MavenFailure.Kind.OFFLINE, failure(fromSettings.versions("com.example", "beta")).kind());
    }

    @Test
    void publishedAtIsThePomsModificationTimeForAFileRepository() throws IOException {
        Instant released = Instant.parse("2024-02-29T08:30:00Z");
        Files.setLastModifiedTime(releases.resolve("com/example/alpha/1.1.0/alpha-1.1.0.pom"), FileTime.from(released));
        MavenRegistry registry = open(central(), snapshotRepository());

        assertEquals(Optional.of(released), registry.publishedAt("com.example", "alpha", "1.1.0"));
        assertEquals(Optional.empty(), registry.publishedAt("com.example", "alpha", "9.9"));
        assertEquals(Optional.empty(), registry.publishedAt("com.example", "alpha", "1.2.0-SNAPSHOT"));
        assertEquals(Optional.empty(), registry.publishedAt("com.example", "..", "1.0"));
        MavenOptions offline = options(MavenSettings.NONE, local, List.of(central())).withOffline(true);
        assertEquals(Optional.empty(), open(offline).publishedAt("com.example", "alpha", "1.1.0"));
    }

    @Test
    void plainHttpIsRefusedUnlessAllowed() {
        MavenRepository insecure = MavenRepository.of("central", "http://repo.example.invalid/maven2");
        MavenRegistry registry = open(insecure);
        MavenEffectiveRepository only = registry.repositories().get(0);
        assertEquals(Optional.of("plain http:// is refused; allow insecure http to read it"), only.refused());
        assertEquals(List.of("repository central (http://repo.example.invalid/maven2): plain http:// is refused; allow"
                + " insecure http to read it"), registry.warnings());
        MavenFailure failure = failure(registry.versions("com.example", "alpha"));
        assertEquals(MavenFailure.Kind.REFUSED, failure.kind());
        assertEquals("com.example:alpha: not asked: central (http://repo.example.invalid/maven2): plain http:// is refused;"
                + " allow insecure http to read it", failure.message());

        MavenRegistry allowed = open(options(MavenSettings.NONE, local, List.of(insecure)).withAllowInsecureHttp(true));
        assertEquals(Optional.empty(), allowed.repositories().get(0).refused());
    }

    @Test
    void theLocalRepositoryComesFromTheOptionsThenTheSettings() {
        MavenSettings settings = MavenFixtures.settings("corporate.xml",
                Map.of("fixture.local", temp.resolve("from-settings").toString()));
        MavenOptions fromSettings = MavenOptions.of(settings).withRepositories(List.of(central()));
        assertEquals(temp.resolve("from-settings"), open(fromSettings).localRepository());
        assertEquals(local, open(fromSettings.withLocalRepository(local)).localRepository());
    }
}
