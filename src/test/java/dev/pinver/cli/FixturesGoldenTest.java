package dev.pinver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled fixtures' {@code check} report and {@code pin --dry-run} diff, compared with reviewed
 * golden files. Regenerate them with {@code ./pinver check fixtures/NAME --no-color} and
 * {@code ./pinver pin --dry-run fixtures/NAME} after a deliberate change, and review the diff.
 */
class FixturesGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @ValueSource(strings = {"fastapi-app", "maven-app", "npm-app"})
    void checkReport(String fixture) throws IOException {
        Cli r = Cli.run("check", "fixtures/" + fixture, "--no-color");
        assertEquals(1, r.exit(), r.err());
        assertEquals(Files.readString(GOLDEN.resolve(fixture + ".check.txt")), r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fastapi-app", "maven-app", "npm-app"})
    void pinDryRunDiff(String fixture) throws IOException {
        Cli r = Cli.run("pin", "--dry-run", "fixtures/" + fixture);
        assertEquals(0, r.exit(), r.err());
        assertEquals(Files.readString(GOLDEN.resolve(fixture + ".pin.diff")), r.out());
    }
}
