package dev.pinver.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Registry answers are untrusted: whatever bytes a registry sends, each parser either returns what it
 * found or throws its one documented exception, {@link RegistryException} {@code MALFORMED} (or
 * {@link MavenMetadata.Malformed}); never anything else, which would turn one bad package into a failed run.
 *
 * <p>Under {@code mvn verify} each test runs its seeds (an empty input and the files under
 * {@code src/test/resources/dev/pinver/registry/RegistryAnswersFuzzTestInputs/<test>/}); with
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=RegistryAnswersFuzzTest#<test>} Jazzer fuzzes it.
 */
class RegistryAnswersFuzzTest {

    private static final String URL = "https://registry.example/demo/";

    private static void malformedOnly(Runnable parse) {
        try {
            parse.run();
        } catch (RegistryException e) {
            assertEquals(RegistryException.Reason.MALFORMED, e.reason(), e.getMessage());
        }
    }

    @FuzzTest(maxDuration = "60s")
    void simpleIndexHtml(byte[] page) {
        malformedOnly(() -> SimpleHtml.files(page, URL, "demo").forEach(f -> assertNotNull(f.version())));
    }

    @FuzzTest(maxDuration = "60s")
    void simpleIndexJson(byte[] page) {
        malformedOnly(() -> SimpleJson.files(page, URL, "demo").forEach(f -> assertNotNull(f.version())));
    }

    @FuzzTest(maxDuration = "60s")
    void pypiJsonApi(byte[] body) {
        malformedOnly(() -> PypiJsonApi.read(body, URL).files().forEach(f -> assertNotNull(f.version())));
    }

    @FuzzTest(maxDuration = "60s")
    void pypiReleasesAreOneEachAndInOrderWhateverTheFilesAreNamed(byte[] page) {
        malformedOnly(() -> {
            List<PypiRelease> releases = PypiRegistry.merge(SimpleHtml.files(page, URL, "demo"));
            for (int i = 1; i < releases.size(); i++) {
                assertTrue(releases.get(i - 1).parsed().compareTo(releases.get(i).parsed()) < 0, releases.toString());
            }
        });
    }

    @FuzzTest(maxDuration = "60s")
    void npmPackument(byte[] body) {
        malformedOnly(() -> Packument.read(body, URL, "demo").releases().forEach(r -> assertNotNull(r.version())));
    }

    @FuzzTest(maxDuration = "60s")
    void mavenMetadata(byte[] xml) throws IOException {
        Path file = Files.createTempFile("pinver-fuzz-", ".xml");
        try {
            Files.write(file, xml);
            MavenMetadata.read(file, new MavenCoordinates("org.example", "demo")).versions().forEach(v -> assertNotNull(v));
        } catch (MavenMetadata.Malformed e) {
            assertNotNull(e.getMessage());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
