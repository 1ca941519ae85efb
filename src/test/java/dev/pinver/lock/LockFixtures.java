package dev.pinver.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.Location;
import dev.pinver.PinverException;
import dev.pinver.manifest.SourceText;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** The lock fixtures under {@code src/test/resources/lock/} and assertions shared by the lock tests. */
final class LockFixtures {

    private LockFixtures() {
    }

    static Path fixture(String name) {
        try {
            return Path.of(LockFixtures.class.getResource("/lock/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static LockedVersions read(LockReader reader, String fixture) {
        Path file = fixture(fixture);
        return reader.read(file, SourceText.read(file));
    }

    /** The versions as {@code name version} lines, in the map's order. */
    static List<String> render(LockedVersions locked) {
        return locked.versions().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
    }

    /** Reading {@code text} fails as bad input at exactly {@code line:column}, with a message containing {@code fragment}. */
    static PinverException assertBadInput(LockReader reader, String text, int line, int column, String fragment) {
        Path file = Path.of("project", "the.lock");
        PinverException e = assertThrows(PinverException.class, () -> reader.read(file, text));
        assertEquals(PinverException.Kind.BAD_INPUT, e.kind());
        assertEquals(new Location(file, line, column), e.location().orElseThrow(), e::oneLine);
        assertTrue(e.getMessage().contains(fragment), () -> "message: " + e.getMessage());
        assertTrue(!e.oneLine().contains("\n"), () -> "one line: " + e.oneLine());
        return e;
    }
}
