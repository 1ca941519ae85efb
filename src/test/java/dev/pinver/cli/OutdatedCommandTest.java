package dev.pinver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutdatedCommandTest {

    private static final String NPM = Path.of("fixtures/registry/npm").toAbsolutePath().toUri().toString();

    @Test
    void jsonFollowsTheSchemaAndAMissingPackageMeansExitThree(@TempDir Path project, @TempDir Path cache)
            throws Exception {
        Files.writeString(project.resolve("package.json"), "{\"name\":\"x\",\"version\":\"1.0.0\",\"dependencies\":"
                + "{\"esbuild\":\"^0.21.5\",\"no-such-package-zz\":\"^1.0.0\"}}");
        Cli r = Cli.run("outdated", project.toString(), "--registry", "npm=" + NPM, "--cache-dir", cache.toString(),
                "--format", "json");
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("no-such-package-zz (npm): "), r.err());
        JsonNode deps = new ObjectMapper().readTree(r.out()).get("dependencies");
        JsonNode esbuild = deps.get(0);
        for (String field : List.of("manifest", "line", "column", "ecosystem", "package", "spec", "section", "source",
                "status", "resolved", "latestInRange", "latestCompatible", "latest", "update", "breaking", "published")) {
            assertTrue(esbuild.has(field), field + " missing in " + esbuild);
        }
        assertEquals("major", esbuild.get("update").asText());
        assertTrue(esbuild.get("breaking").asBoolean());
        assertEquals("0.24.0", esbuild.get("latest").asText());
        assertTrue(deps.get(1).has("error"), deps.get(1).toString());
    }

    @Test
    void eachDependencyCarriesChecksFieldsAndVerdict(@TempDir Path cache) throws Exception {
        Cli check = Cli.run("check", "fixtures/npm-app", "--format", "json");
        Cli outdated = Cli.run("outdated", "fixtures/npm-app", "--registry", "npm=" + NPM, "--cache-dir", cache.toString(),
                "--format", "json");
        assertEquals(0, outdated.exit(), outdated.err());
        Map<String, JsonNode> checked = new HashMap<>();
        new ObjectMapper().readTree(check.out()).get("dependencies").forEach(d -> checked.put(where(d), d));
        JsonNode rows = new ObjectMapper().readTree(outdated.out()).get("dependencies");
        assertTrue(rows.size() > 0);
        Set<String> statuses = new HashSet<>();
        for (JsonNode row : rows) {
            JsonNode same = checked.get(where(row));
            assertNotNull(same, "check does not list " + row);
            for (String field : List.of("ecosystem", "spec", "section", "source", "status")) {
                assertEquals(same.get(field), row.get(field), field + " of " + row);
            }
            statuses.add(row.get("status").asText());
        }
        assertTrue(statuses.size() > 1, "the fixture has pins the policy accepts and pins it does not: " + statuses);
    }

    private static String where(JsonNode d) {
        return d.get("manifest").asText() + ":" + d.get("line") + ":" + d.get("column") + " " + d.get("package").asText();
    }

    @Test
    void offlineServesOnlyTheCache(@TempDir Path cache) {
        Cli cold = Cli.run("outdated", "fixtures/npm-app", "--registry", "npm=https://registry.invalid/",
                "--offline", "--cache-dir", cache.toString());
        assertEquals(3, cold.exit(), cold.out() + cold.err());
        assertTrue(cold.err().contains("offline"), cold.err());
    }

    @Test
    void markdownIsATable(@TempDir Path cache) {
        Cli r = Cli.run("outdated", "fixtures/npm-app", "--registry", "npm=" + NPM, "--cache-dir", cache.toString(),
                "--format", "markdown");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("| package | spec | resolved |"), r.out());
        assertTrue(r.out().contains("| esbuild | ^0.21.5 | 0.21.5 |"), r.out());
    }

    @Test
    void theRepositorysPolicyFileNamesRegistriesAndTheCommandLineOverridesThem(@TempDir Path project,
            @TempDir Path cache) throws Exception {
        Files.writeString(project.resolve("package.json"), "{\"name\":\"x\",\"dependencies\":{\"esbuild\":\"^0.21.5\"}}");
        Path registry = Path.of("fixtures/registry/npm").toAbsolutePath();
        Files.writeString(project.resolve(".pinver.yaml"),
                "registries:\n  npm: " + project.relativize(registry) + "\n");
        Cli configured = Cli.run("outdated", project.toString(), "--cache-dir", cache.toString(), "--offline");
        assertEquals(0, configured.exit(), configured.out() + configured.err());
        assertTrue(configured.out().contains("0.24.0"), configured.out());

        Cli overridden = Cli.run("outdated", project.toString(), "--cache-dir", cache.toString(), "--offline",
                "--registry", "npm=https://registry.invalid/");
        assertEquals(3, overridden.exit(), overridden.out() + overridden.err());
        assertTrue(overridden.err().contains("offline"), overridden.err());
    }

    @Test
    void registriesComeAlsoFromThePolicyFilesItExtends(@TempDir Path project, @TempDir Path cache) throws Exception {
        Files.writeString(project.resolve("package.json"), "{\"name\":\"x\",\"dependencies\":{\"esbuild\":\"^0.21.5\"}}");
        Path shared = Files.createDirectories(project.resolve("shared"));
        Path registry = Path.of("fixtures/registry/npm").toAbsolutePath();
        Files.writeString(shared.resolve("team.yaml"), "registries:\n  npm: " + shared.relativize(registry) + "\n");
        Files.writeString(project.resolve(".pinver.yaml"), "extends: [shared/team.yaml]\n");
        Cli r = Cli.run("outdated", project.toString(), "--cache-dir", cache.toString(), "--offline");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("0.24.0"), r.out());
        assertTrue(r.out().contains("\n1 dependency in 1 manifest: 1 can move, 1 of them across a breaking edge\n"), r.out());
    }

    @Test
    void findLinksOnTheCommandLineAddReleases(@TempDir Path project, @TempDir Path links, @TempDir Path index,
            @TempDir Path cache) throws Exception {
        Files.writeString(project.resolve("requirements.txt"), "pinver-find-links-demo==1.0.0\n");
        Files.writeString(links.resolve("pinver_find_links_demo-1.0.0-py3-none-any.whl"), "");
        Files.writeString(links.resolve("pinver-find-links-demo-1.2.0.tar.gz"), "");
        String simple = Files.createDirectories(index.resolve("simple")).toUri().toString();

        Cli without = Cli.run("outdated", project.toString(), "--index-url", simple, "--cache-dir", cache.toString(),
                "--format", "json");
        assertEquals(3, without.exit(), without.err());

        Cli with = Cli.run("outdated", project.toString(), "--index-url", simple, "--find-links", links.toString(),
                "--cache-dir", cache.toString(), "--format", "json");
        assertEquals(0, with.exit(), with.err());
        JsonNode row = new ObjectMapper().readTree(with.out()).get("dependencies").get(0);
        assertEquals("1.0.0", row.get("resolved").asText());
        assertEquals("1.2.0", row.get("latest").asText());
    }

    @Test
    void anIndexThatCannotBeReadWhileAnotherAnswersMakesTheAnswerIncompleteAndTheExitThree(@TempDir Path project,
            @TempDir Path cache) throws Exception {
        Files.writeString(project.resolve("requirements.txt"), "httpx==0.23.0\n");
        String fixture = Path.of("fixtures/registry/pypi/simple").toAbsolutePath().toUri().toString();

        Cli r = Cli.run("outdated", project.toString(), "--index-url", fixture,
                "--extra-index-url", "https://registry.invalid/simple/", "--cache-dir", cache.toString(), "--format", "json");
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("httpx (pypi): incomplete: https://registry.invalid/simple/httpx/: unknown host registry.invalid"),
                r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(1, json.get("summary").get("incomplete").asInt());
        assertEquals(0, json.get("summary").get("errors").asInt());
        JsonNode row = json.get("dependencies").get(0);
        assertEquals("0.23.0", row.get("resolved").asText(), "the index that answered still counts");
        assertEquals(1, row.get("incomplete").size(), row.toString());

        Cli complete = Cli.run("outdated", project.toString(), "--index-url", fixture, "--cache-dir", cache.toString());
        assertEquals(0, complete.exit(), complete.err());
        assertTrue(!complete.out().contains("incomplete"), complete.out());
    }

    @Test
    void aPlainHttpRegistryInThePolicyFileIsBadInputThatSaysWhereItIsWritten(@TempDir Path project, @TempDir Path cache)
            throws Exception {
        Files.writeString(project.resolve("package.json"), "{\"name\":\"x\",\"dependencies\":{\"esbuild\":\"^0.21.5\"}}");
        Files.writeString(project.resolve(".pinver.yaml"), "registries:\n  npm: http://user:s3cret@mirror.example/\n");
        Cli r = Cli.run("outdated", project.toString(), "--cache-dir", cache.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("pinver: " + project.resolve(".pinver.yaml") + ":2:8: http://***@mirror.example/: plain http:// is refused;"
                + " use https:// or --allow-insecure-http", r.err().strip());

        Cli overridden = Cli.run("outdated", project.toString(), "--registry", "npm=" + NPM, "--cache-dir", cache.toString());
        assertEquals(0, overridden.exit(), overridden.err());
    }

    @Test
    void aPlainHttpRegistryIsOneUsageErrorNotOnePerPackage(@TempDir Path cache) {
        Cli r = Cli.run("outdated", "fixtures/npm-app", "--registry", "npm=http://user:s3cret@registry.example/",
                "--cache-dir", cache.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("pinver: http://***@registry.example/: plain http:// is refused; use https:// or --allow-insecure-http\n",
                r.err());
        assertEquals("", r.out());
    }
}
