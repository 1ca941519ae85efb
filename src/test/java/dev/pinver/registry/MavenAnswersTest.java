package dev.pinver.registry;

import static dev.pinver.registry.MavenFixtures.options;
import static dev.pinver.registry.MavenFixtures.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.version.MavenVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Answers kept between runs: what is kept, and what makes a kept answer unusable. */
class MavenAnswersTest {

    private static final Duration TTL = Duration.ofHours(1);
    private static final MavenCoordinates ALPHA = new MavenCoordinates("com.example", "alpha");
    private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

    @TempDir
    Path temp;

    private Path releases;
    private Path local;
    private Path cache;
    private final List<MavenRegistry> opened = new ArrayList<>();

    @BeforeEach
    void copyFixtures() {
        releases = MavenFixtures.repository("releases", temp);
        local = temp.resolve("local");
        cache = temp.resolve("cache");
    }

    @AfterEach
    void closeRegistries() {
        opened.forEach(MavenRegistry::close);
    }

    private MavenVersions alpha(MavenOptions options) {
        MavenRegistry registry = MavenRegistry.open(options);
        opened.add(registry);
        MavenOutcome outcome = registry.versions("com.example", "alpha");
        return assertInstanceOf(MavenVersions.class, outcome, outcome::toString);
    }

    private MavenOptions withCache() {
        return options(MavenSettings.NONE, local, List.of(MavenRepository.of("central", url(releases))))
                .withAnswerCache(cache, TTL);
    }

    private List<Path> kept() throws IOException {
        try (Stream<Path> files = Files.list(cache.resolve("maven-answers"))) {
            return files.toList();
        }
    }

    @Test
    void aLaterRegistryGetsTheSameAnswerFromTheKeptOne() throws IOException {
        MavenVersions first = alpha(withCache());
        assertEquals(1, kept().size());
        MavenVersions again = alpha(withCache());
        assertEquals(List.of("0.9", "1.0.0", "1.0.1", "1.1.0", "2.0.0-rc-1"), again.versions());
        assertEquals(first.releases(), again.releases());
        assertEquals(first.lastUpdated(), again.lastUpdated());
        assertEquals(List.of(), again.incomplete());
    }

    @Test
    void metadataRewrittenInTheLocalRepositoryOutdatesTheKeptAnswer() throws IOException {
        alpha(withCache());
        Path published = releases.resolve("com/example/alpha/maven-metadata.xml");
        Files.writeString(published, Files.readString(published)
                .replace("<version>0.9</version>", "<version>0.9</version><version>3.0.0</version>"));
        assertFalse(alpha(withCache()).versions().contains("3.0.0"), "the kept answer serves within the TTL");

        // as after `mvn -U`: Maven downloaded the metadata again, so the repository is asked again
        Path copy = local.resolve("com/example/alpha/maven-metadata-central.xml");
        Files.setLastModifiedTime(copy, FileTime.from(Instant.now().plusSeconds(5)));
        assertTrue(alpha(withCache()).versions().contains("3.0.0"));
    }

    @Test
    void anAnswerServesOnlyItsQuestionAndOnlyWithinTheTtl() throws IOException {
        Path metadata = temp.resolve("maven-metadata.xml");
        Files.writeString(metadata, "<metadata/>");
        MavenAnswers answers = new MavenAnswers(cache, TTL);
        MavenRelease release = new MavenRelease("1.0", MavenVersion.parse("1.0"), "central", Optional.of(NOW.minusSeconds(60)));
        MavenVersions answer = new MavenVersions(ALPHA, List.of(release), Optional.of(NOW.minusSeconds(60)), List.of());
        answers.write("alpha from central", answer, List.of(MavenAnswers.Source.of(metadata)), NOW);

        assertEquals(Optional.of(answer), answers.read("alpha from central", ALPHA, NOW.plus(TTL)));
        assertEquals(Optional.empty(), answers.read("alpha from central and another", ALPHA, NOW));
        assertEquals(Optional.empty(), answers.read("alpha from central", ALPHA, NOW.plus(TTL).plusSeconds(1)));
        assertEquals(Optional.empty(), answers.read("alpha from central", ALPHA, NOW.minusSeconds(1)));
    }

    @Test
    void aDamagedOrOutdatedFileCountsAsAbsent() throws IOException {
        Path metadata = temp.resolve("maven-metadata.xml");
        Files.writeString(metadata, "<metadata/>");
        MavenAnswers answers = new MavenAnswers(cache, TTL);
        MavenVersions answer = new MavenVersions(ALPHA, List.of(), Optional.empty(), List.of());
        answers.write("q", answer, List.of(MavenAnswers.Source.of(metadata)), NOW);
        assertEquals(Optional.of(answer), answers.read("q", ALPHA, NOW));

        Path file = kept().get(0);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
        assertEquals(Optional.empty(), answers.read("q", ALPHA, NOW));

        answers.write("q", answer, List.of(MavenAnswers.Source.of(metadata)), NOW);
        Files.writeString(metadata, "<metadata></metadata>");
        assertEquals(Optional.empty(), answers.read("q", ALPHA, NOW));
    }
}
