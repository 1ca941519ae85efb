package dev.pinver.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.manifest.Ecosystem;
import dev.pinver.version.SpecStyle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PresetsTest {

    @Test
    void everyPresetFileIsListedAndLoads() throws IOException {
        Path dir = Path.of(System.getProperty("pinver.root", "."), "policies");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> onDisk = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml")).map(n -> n.substring(0, n.length() - 5)).sorted().toList();
            assertEquals(Presets.NAMES.stream().sorted().toList(), onDisk);
        }
        for (String name : Presets.NAMES) {
            Policy p = Presets.load(name).orElseThrow();
            assertTrue(!p.rules().isEmpty() || !p.defaults().isEmpty(), name + " says nothing");
            for (Rule r : p.rules()) {
                assertEquals(Path.of("policies", name + ".yaml"), r.location().file());
            }
        }
    }

    @Test
    void nullIsTheDefault() {
        assertEquals(Presets.load("default"), Presets.load(null));
        Settings maven = Presets.load(null).orElseThrow().settingsFor(Ecosystem.MAVEN, "org.slf4j:slf4j-api").settings();
        assertEquals(PinMode.EXACT, maven.pin());
    }

    @Test
    void strictRatesExactPinsAsErrors() {
        Settings s = Presets.load("strict").orElseThrow().settingsFor(Ecosystem.NPM, "react").settings();
        assertEquals(Severity.ERROR, s.exactPin());
        assertEquals(Duration.ofDays(7), s.minAge());
        assertEquals(Set.of(UpdateKind.PATCH, UpdateKind.MINOR), s.allow());
        assertEquals(SpecStyle.RANGE, s.style());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nope", "fastapi.yaml", "../pom", "policies/default", "./strict", "Default", ""})
    void otherNamesAreForTheCallerToTreatAsPaths(String name) {
        assertEquals(Optional.empty(), Presets.load(name));
    }
}
