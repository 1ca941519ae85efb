package dev.pinver.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pinver.PinverException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's registry configuration (.npmrc, pip.conf, settings.xml) is read whatever it holds, or refused
 * with {@link PinverException} {@code BAD_INPUT} located in the file, never another exception.
 *
 * <p>Under {@code mvn verify} each test runs its seeds; {@code JAZZER_FUZZ=1 mvn test
 * -Dtest=UserConfigFuzzTest#<test>} fuzzes it.
 */
class UserConfigFuzzTest {

    private interface Reading {
        void read(Path file);
    }

    private static void readsOrSaysWhere(String name, byte[] content, Reading reading) throws IOException {
        Path dir = Files.createTempDirectory("pinver-fuzz-");
        Path file = dir.resolve(name);
        try {
            Files.write(file, content);
            reading.read(file);
        } catch (PinverException e) {
            assertEquals(PinverException.Kind.BAD_INPUT, e.kind(), e.getMessage());
            assertEquals(file, e.location().orElseThrow().file(), e.getMessage());
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void npmrc(byte[] content) throws IOException {
        readsOrSaysWhere(".npmrc", content, file -> {
            NpmConfig config = NpmConfig.of(NpmConfig.readNpmrc(file, Map.of("HOME", "/home/dev")));
            config.credentialsFor(config.registryFor("@scope/demo"));
        });
    }

    @FuzzTest(maxDuration = "60s")
    void pipConf(byte[] content) throws IOException {
        readsOrSaysWhere("pip.conf", content, file -> PipIndexes.indexes(
                PipIndexes.configured(List.of(file), Map.of(), Optional.empty(), List.of(), false)));
    }

    @FuzzTest(maxDuration = "60s")
    void mavenSettings(byte[] content) throws IOException {
        readsOrSaysWhere("settings.xml", content, file -> MavenSettings.read(file, name -> null));
    }
}
