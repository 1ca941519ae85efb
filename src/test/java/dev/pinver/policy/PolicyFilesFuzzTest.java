package dev.pinver.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pinver.PinverException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A policy file is the user's YAML: whatever it holds, it reads as a policy or is refused with
 * {@link PinverException} {@code BAD_INPUT} located in the file, never another exception.
 *
 * <p>Under {@code mvn verify} this runs its seeds; {@code JAZZER_FUZZ=1 mvn test -Dtest=PolicyFilesFuzzTest}
 * fuzzes it.
 */
class PolicyFilesFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void policyFile(byte[] bytes) {
        Path file = Path.of("/repo/.pinver.yaml");
        try {
            PolicyLoader.parseFile(new String(bytes, StandardCharsets.UTF_8), file);
        } catch (PinverException e) {
            assertEquals(PinverException.Kind.BAD_INPUT, e.kind(), e.getMessage());
            assertEquals(file, e.location().orElseThrow().file(), e.getMessage());
        }
    }
}
