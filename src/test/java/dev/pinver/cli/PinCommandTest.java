package dev.pinver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinver.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PinCommandTest {

    private static final Path GOLDEN = Path.of("src/test/resources/pin");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each case: pin its input folder and compare every file, byte for byte, with the expected folder. */
    @ParameterizedTest
    @ValueSource(strings = {"requirements", "pep621", "poetry", "pip-compile", "uv"})
    void pinMatchesTheGoldenFilesAndIsIdempotent(String name, @TempDir Path dir) throws IOException {
        TestFiles.copyTree(GOLDEN.resolve(name).resolve("input"), dir);
        Cli first = Cli.run("pin", dir.toString());
        assertEquals(0, first.exit(), first.out() + first.err());
        assertEquals(tree(GOLDEN.resolve(name).resolve("expected")), tree(dir), first.out() + first.err());

        Cli second = Cli.run("pin", dir.toString());
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.out().contains("nothing to pin"), second.out());
        assertEquals(tree(GOLDEN.resolve(name).resolve("expected")), tree(dir));
    }

    @Test
    void afterPinCheckFindsNothingPinCouldFix(@TempDir Path dir) throws IOException {
        TestFiles.copyTree(Path.of("fixtures/fastapi-app"), dir);
        assertEquals(0, Cli.run("pin", dir.toString()).exit());
        JsonNode check = JSON.readTree(Cli.run("check", dir.toString(), "--format", "json").out());
        for (JsonNode f : check.get("findings")) {
            String rule = f.get("rule").asText();
            boolean unfixable = rule.equals("url-requirement") || rule.equals("invalid-spec")
                    || f.get("spec").asText().isEmpty();
            assertTrue(unfixable, "pin left " + f);
        }
    }

    @Test
    void dryRunPrintsAUnifiedDiffAndWritesNothing(@TempDir Path dir) throws IOException {
        TestFiles.copyTree(GOLDEN.resolve("requirements/input"), dir);
        Map<String, String> before = tree(dir);
        Cli r = Cli.run("pin", "--dry-run", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(before, tree(dir));
        assertTrue(r.out().contains("--- a/") && r.out().contains("+++ b/"), r.out());
        assertTrue(r.out().contains("-fastapi~=0.45 ") && r.out().contains("+fastapi~=0.45.0 "), r.out());
        assertTrue(r.err().contains("would pin"), r.err());
    }

    @Test
    void checkModeExitsOneWhenSomethingWouldChange(@TempDir Path dir) throws IOException {
        TestFiles.copyTree(GOLDEN.resolve("pep621/input"), dir);
        Map<String, String> before = tree(dir);
        assertEquals(1, Cli.run("pin", "--check", dir.toString()).exit());
        assertEquals(before, tree(dir));
        TestFiles.copyTree(GOLDEN.resolve("pep621/expected"), dir);
        assertEquals(0, Cli.run("pin", "--check", dir.toString()).exit());
    }

    @Test
    void onlyPinsTheNamedPackagesAndJsonListsEachChange(@TempDir Path dir) throws IOException {
        TestFiles.copyTree(GOLDEN.resolve("requirements/input"), dir);
        Cli r = Cli.run("pin", "--only", "Uvicorn", "--format", "json", dir.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode changes = JSON.readTree(r.out()).get("changes");
        assertEquals(1, changes.size(), r.out());
        assertEquals("uvicorn", changes.get(0).get("package").asText());
        assertEquals(">= 0.11.3", changes.get(0).get("from").asText());
        assertEquals(">=0.11.3,<0.12.0", changes.get(0).get("to").asText());
        assertTrue(Files.readString(dir.resolve("requirements.txt")).contains("fastapi~=0.45 "));
    }

    @Test
    void aHashedLineThatChangesIsWarnedAbout(@TempDir Path dir) throws IOException {
        TestFiles.copyTree(GOLDEN.resolve("requirements/input"), dir);
        Cli r = Cli.run("pin", dir.toString());
        assertTrue(r.err().contains("httpx carries --hash options"), r.err());
    }

    @Test
    void aReadOnlyFileIsOneLineAndUntouched(@TempDir Path dir) throws IOException {
        Path req = dir.resolve("requirements.txt");
        Files.writeString(req, "fastapi>=0.45\n");
        Files.setPosixFilePermissions(req, PosixFilePermissions.fromString("r--r--r--"));
        Cli r = Cli.run("pin", dir.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals("fastapi>=0.45\n", Files.readString(req));
        assertFalse(r.err().contains("Exception"), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.contains("requirements.txt")), r.err());
    }

    @Test
    void aLockThatDoesNotParseIsOneLineWithLocation(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname = \"x\"\ndependencies = [\"fastapi\"]\n");
        Files.writeString(dir.resolve("uv.lock"), "version = 1\n[[package]\nname = \"fastapi\"\n");
        Cli r = Cli.run("pin", dir.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("uv.lock:2:"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(Files.readString(dir.resolve("pyproject.toml")).contains("\"fastapi\""));
    }

    @Test
    void aDependencyWithNothingToPinFromIsReportedAndLeftAlone(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("requirements.txt"), "requests\n");
        Cli r = Cli.run("pin", dir.toString());
        assertEquals(0, r.exit());
        assertTrue(r.err().contains("cannot pin without a version"), r.err());
        assertEquals("requests\n", Files.readString(dir.resolve("requirements.txt")));
    }

    @Test
    void onlineAsksTheRegistryWhenNothingElseGivesAVersion(@TempDir Path dir, @TempDir Path cache) throws IOException {
        Files.writeString(dir.resolve("package.json"),
                "{\"name\":\"x\",\"version\":\"1.0.0\",\"dependencies\":{\"cookie\":\"*\",\"lodash\":\"latest\"}}\n");
        String npm = Path.of("fixtures/registry/npm").toAbsolutePath().toUri().toString();
        Cli offline = Cli.run("pin", dir.toString());
        assertTrue(offline.err().contains("(--online asks the registry)"), offline.err());
        Cli r = Cli.run("pin", "--online", "--registry", "npm=" + npm, "--cache-dir", cache.toString(), dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("{\"name\":\"x\",\"version\":\"1.0.0\",\"dependencies\":{\"cookie\":\"^1.0.2\",\"lodash\":\"^4.17.21\"}}\n",
                Files.readString(dir.resolve("package.json")));
        assertTrue(r.out().contains("(from registry 1.0.2)"), r.out());
    }

    private static Map<String, String> tree(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
