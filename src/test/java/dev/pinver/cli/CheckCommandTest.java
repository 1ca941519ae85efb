package dev.pinver.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    private static final String FIXTURE = "fixtures/fastapi-app";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fixtureShowsEveryRuleWithLocationsAndExitsOne() {
        Cli r = Cli.run("check", FIXTURE);
        assertEquals(1, r.exit(), r.err());
        assertEquals("", r.err());
        for (String rule : List.of("unpinned", "too-wide", "exact-pin", "should-not-pin", "invalid-spec", "url-requirement")) {
            assertTrue(r.out().contains(rule), "no " + rule + " in:\n" + r.out());
        }
        assertTrue(r.out().contains(FIXTURE + "/requirements.txt:5:8"), r.out());
        assertTrue(r.out().contains(FIXTURE + "/requirements/base.txt:"), "included file is checked:\n" + r.out());
    }

    @Test
    void jsonFollowsTheSchemaAndEverySpecCanBeCutOutAtItsPosition() throws IOException {
        Cli r = Cli.run("check", FIXTURE, "--format", "json");
        assertEquals(1, r.exit(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals(1, root.get("schemaVersion").asInt());
        assertTrue(root.get("dependencies").size() >= 20, r.out());
        for (JsonNode d : root.get("dependencies")) {
            for (String field : List.of("manifest", "line", "column", "ecosystem", "package", "spec", "status")) {
                assertTrue(d.has(field), field + " missing in " + d);
            }
            String spec = d.get("spec").asText();
            String line = Files.readAllLines(Path.of(d.get("manifest").asText()), StandardCharsets.UTF_8)
                    .get(d.get("line").asInt() - 1);
            int col = d.get("column").asInt() - 1;
            if (spec.isEmpty()) {
                assertTrue(line.substring(col).toLowerCase().replace('_', '-')
                        .startsWith(d.get("package").asText().substring(0, 1)), d.toString());
            } else {
                assertEquals(spec, line.substring(col, col + spec.length()), d.toString());
            }
        }
        Map<String, String> status = new HashMap<>();
        root.get("dependencies").forEach(d -> status.put(d.get("package").asText() + " " + d.get("spec").asText(),
                d.get("status").asText()));
        assertEquals("too-wide", status.get("fastapi ~=0.45"));
        assertEquals("ok", status.get("fastapi >=0.45.0,<0.46.0"));
        assertEquals("ok", status.get("pydantic >=1.2.0,<2.0.0"));
        assertEquals("should-not-pin", status.get("starlette ==0.12.9"));
        assertEquals("unpinned", status.get("uvicorn >=0.11.3"));
        assertEquals("exact-pin", status.get("httpx ==0.23.0"));
        assertEquals("url-requirement", status.get("demo-auth "));
        assertEquals("invalid-spec", status.get("itsdangerous >=2.1,<2.0"));
        assertEquals("ok", status.get("python-multipart >=0.0.5,<0.0.6"));
        assertEquals("too-wide", status.get("sqlalchemy >=1.3,<3"));
        for (JsonNode f : root.get("findings")) {
            for (String field : List.of("manifest", "line", "column", "ecosystem", "package", "spec", "rule",
                    "severity", "message", "suggested")) {
                assertTrue(f.has(field), field + " missing in " + f);
            }
        }
    }

    @Test
    void sarifIsVersion210WithRulesForEveryResult() throws IOException {
        Cli r = Cli.run("check", FIXTURE, "--format", "sarif");
        JsonNode run = JSON.readTree(r.out()).get("runs").get(0);
        assertEquals("2.1.0", JSON.readTree(r.out()).get("version").asText());
        Set<String> rules = new HashSet<>();
        run.get("tool").get("driver").get("rules").forEach(rule -> rules.add(rule.get("id").asText()));
        assertFalse(run.get("results").isEmpty());
        for (JsonNode res : run.get("results")) {
            String ruleId = res.get("ruleId").asText();
            assertTrue(rules.contains(ruleId), ruleId);
            assertEquals(ruleId, run.get("tool").get("driver").get("rules").get(res.get("ruleIndex").asInt()).get("id").asText());
            JsonNode region = res.get("locations").get(0).get("physicalLocation").get("region");
            assertTrue(region.get("startLine").asInt() >= 1 && region.get("startColumn").asInt() >= 1, res.toString());
            assertTrue(Set.of("error", "warning", "note").contains(res.get("level").asText()));
        }
    }

    @Test
    void githubFormatPrintsWorkflowCommands() {
        Cli r = Cli.run("check", FIXTURE, "--format", "github");
        Pattern command = Pattern.compile("::(error|warning|notice) file=([^,]+),line=(\\d+),col=(\\d+),title=[^:]+::.+");
        for (String line : r.out().split("\n")) {
            Matcher m = command.matcher(line);
            assertTrue(m.matches(), line);
            assertTrue(Files.isRegularFile(Path.of(m.group(2))), m.group(2));
        }
        assertTrue(r.out().contains("::error file=" + FIXTURE + "/requirements.txt,line=5,col=8,"), r.out());
    }

    @Test
    void failOnDecidesTheExitCode() {
        assertEquals(0, Cli.run("check", FIXTURE, "--fail-on", "never").exit());
        assertEquals(1, Cli.run("check", FIXTURE + "/pyproject.toml", "--fail-on", "warning").exit());
    }

    @Test
    void aCompliantProjectExitsZero(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("requirements.txt"), "fastapi>=0.45.0,<0.46.0\nhttpx~=0.23.0\n");
        Cli r = Cli.run("check", dir.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("2 dependencies in 1 manifest: 2 ok"), r.out());
    }

    @Test
    void eachBadInputIsOneLineWithLocationAndTheOthersAreStillChecked(@TempDir Path dir) throws IOException {
        write(dir, "good/requirements.txt", "fastapi>=0.45\n");
        write(dir, "binary/requirements.txt", "fastapi\u0000\u0001\u0002");
        Files.createDirectories(dir.resolve("utf8"));
        Files.write(dir.resolve("utf8/requirements.txt"), new byte[] {'a', '=', '=', '1', '\n', 'b', (byte) 0xC3, '(', '\n'});
        write(dir, "toml/pyproject.toml", "[project]\nname = \"x\ndependencies = []\n");
        write(dir, "operator/requirements.txt", "# comment\nfastapi=>0.45\n");
        write(dir, "cycle/requirements.txt", "-r requirements-dev.txt\n");
        write(dir, "cycle/requirements-dev.txt", "pytest\n-r requirements.txt\n");
        write(dir, "missing/requirements.txt", "flask\n-r nowhere.txt\n");

        Cli r = Cli.run("check", dir.toString(), "--format", "json");

        assertEquals(2, r.exit(), r.err());
        List<String> lines = r.err().lines().toList();
        assertAll(
                () -> assertFalse(r.err().contains("Exception"), r.err()),
                () -> assertFalse(r.err().contains("\tat "), r.err()),
                () -> assertLine(lines, "binary/requirements.txt:1:8: "),
                () -> assertLine(lines, "utf8/requirements.txt:2:2: "),
                () -> assertLine(lines, "toml/pyproject.toml:2:"),
                () -> assertLine(lines, "operator/requirements.txt:2:8: "),
                () -> assertLine(lines, "cycle/requirements"),
                () -> assertTrue(r.err().contains("circular include"), r.err()),
                () -> assertLine(lines, "missing/requirements.txt:2:4: "));
        JsonNode root = JSON.readTree(r.out());
        Set<String> packages = new HashSet<>();
        root.get("dependencies").forEach(d -> packages.add(d.get("package").asText()));
        assertTrue(packages.containsAll(Set.of("fastapi", "pytest", "flask")), packages.toString());
    }

    @Test
    void aBadPolicyFileIsOneLineWithLocation(@TempDir Path dir) throws IOException {
        write(dir, "requirements.txt", "fastapi>=0.45\n");
        write(dir, ".pinver.yaml", "rules:\n  - package: fastapi\n    pinn: window\n");
        Cli r = Cli.run("check", dir.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("pinver: " + dir.resolve(".pinver.yaml") + ":3:5: "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void policyOnTheCommandLineWinsOverTheRepository(@TempDir Path dir) throws IOException {
        write(dir, "requirements.txt", "starlette==0.12.9\n");
        assertTrue(Cli.run("check", dir.toString(), "--format", "json").out().contains("\"exact-pin\""));
        assertTrue(Cli.run("check", dir.toString(), "--format", "json", "--policy", "fastapi").out()
                .contains("\"should-not-pin\""));
    }

    @Test
    void outdatedAddsTheRegistrysFindings(@TempDir Path cache) throws IOException {
        String npm = Path.of("fixtures/registry/npm").toAbsolutePath().toUri().toString();
        Cli r = Cli.run("check", "fixtures/npm-app", "--outdated", "--registry", "npm=" + npm,
                "--cache-dir", cache.toString(), "--format", "json");
        assertEquals(1, r.exit(), r.err());
        Map<String, String> rules = new HashMap<>();
        JSON.readTree(r.out()).get("findings").forEach(f -> rules.merge(f.get("package").asText(),
                f.get("rule").asText(), (a, b) -> a + "," + b));
        assertTrue(rules.get("esbuild").contains("breaking-update"), rules.toString());
        assertTrue(rules.get("axios").contains("update-in-window"), rules.toString());
    }

    @Test
    void aFileNamedOnTheCommandLineIsReadByItsEnding(@TempDir Path dir) throws IOException {
        write(dir, "service-pom.xml", "<project><dependencies><dependency><groupId>g</groupId><artifactId>a</artifactId>"
                + "<version>[1.0,)</version></dependency></dependencies></project>\n");
        Cli r = Cli.run("check", dir.resolve("service-pom.xml").toString(), "--format", "json");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().contains("\"package\" : \"g:a\""), r.out());
    }

    @Test
    void unknownPathIsAUsageError() {
        Cli r = Cli.run("check", "no/such/dir");
        assertEquals(2, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    private static void assertLine(List<String> lines, String fragment) {
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("pinver: ") && l.contains(fragment)),
                fragment + " not in:\n" + String.join("\n", lines));
    }

    private static void write(Path dir, String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
