package dev.pinver.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pinver.PinverException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Lock files are the user's, written by tools: whatever they hold, each reader returns the versions it
 * found or throws {@link PinverException} {@code BAD_INPUT} located in the lock file, never anything else.
 *
 * <p>Under {@code mvn verify} each test runs its seeds; {@code JAZZER_FUZZ=1 mvn test
 * -Dtest=LockReadersFuzzTest#<test>} fuzzes it.
 */
class LockReadersFuzzTest {

    private static void readsOrSaysWhere(LockReader reader, String name, byte[] bytes) {
        Path lock = Path.of("/repo", name);
        try {
            reader.read(lock, new String(bytes, StandardCharsets.UTF_8));
        } catch (PinverException e) {
            assertEquals(PinverException.Kind.BAD_INPUT, e.kind(), e.getMessage());
            assertEquals(lock, e.location().orElseThrow().file(), e.getMessage());
        }
    }

    @FuzzTest(maxDuration = "60s")
    void npm(byte[] text) {
        readsOrSaysWhere(new NpmLockReader(), "package-lock.json", text);
    }

    @FuzzTest(maxDuration = "60s")
    void uv(byte[] text) {
        readsOrSaysWhere(TomlLockReader.uv(), "uv.lock", text);
    }

    @FuzzTest(maxDuration = "60s")
    void poetry(byte[] text) {
        readsOrSaysWhere(TomlLockReader.poetry(), "poetry.lock", text);
    }

    @FuzzTest(maxDuration = "60s")
    void pipfile(byte[] text) {
        readsOrSaysWhere(new PipfileLockReader(), "Pipfile.lock", text);
    }

    @FuzzTest(maxDuration = "60s")
    void pipCompile(byte[] text) {
        readsOrSaysWhere(new RequirementsLockReader(), "requirements.txt", text);
    }
}
