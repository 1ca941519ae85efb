package dev.pinver.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pinver.Corpus;
import dev.pinver.LocalWireMock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code pinver notes} end to end: a local changelog, then an npm registry and GitHub on WireMock. */
class NotesCommandTest {

    @RegisterExtension
    static final WireMockExtension SERVER = LocalWireMock.server();

    private static final String JSON = "application/json; charset=utf-8";

    @TempDir
    Path tmp;

    /** fastapi's release notes, copied out of the corpus for this test only. */
    private Path fastapiNotes() throws IOException {
        Path copy = tmp.resolve("release-notes.md");
        Files.copy(Corpus.file("release-notes/fastapi__fastapi__docs__en__docs__release-notes.md"), copy);
        return copy;
    }

    private static String base() {
        return "http://127.0.0.1:" + SERVER.getPort();
    }

    static String fixture(String name) {
        try (InputStream in = NotesCommandTest.class.getResourceAsStream("/notes/github/" + name)) {
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> field(JsonNode releases, String name) {
        List<String> out = new ArrayList<>();
        releases.forEach(r -> out.add(r.get(name).asText()));
        return out;
    }

    @Test
    void localChangelogAsJson() throws IOException {
        Path notes = fastapiNotes();
        Cli r = Cli.run("notes", "fastapi", "--ecosystem", "pypi", "--from", "0.45.0", "--to", "0.47.0",
                "--source", notes.toString(), "--format", "json", "--cache-dir", tmp.resolve("cache").toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(1, json.get("schemaVersion").asInt());
        assertEquals("fastapi", json.get("package").asText());
        assertEquals("pypi", json.get("ecosystem").asText());
        assertEquals("0.45.0", json.get("from").asText());
        assertEquals("0.47.0", json.get("to").asText());
        assertEquals(notes.toString(), json.get("source").asText());
        assertEquals(List.of("0.47.0", "0.46.0"), field(json.get("releases"), "version"));
        assertEquals(List.of("2020-01-18", "2020-01-08"), field(json.get("releases"), "date"));
        assertTrue(json.get("releases").get(1).get("markdown").asText().startsWith("## 0.46.0 (2020-01-08)\n\n* Fix typos"));
    }

    @Test
    void textIsPlainWhenNotOnATerminalAndMarkdownIsTheSections() throws IOException {
        Path notes = fastapiNotes();
        Cli text = Cli.run("notes", "fastapi", "--ecosystem", "pypi", "--from", "0.46.0", "--to", "0.47.0",
                "--source", notes.toString(), "--cache-dir", tmp.resolve("cache").toString());
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().startsWith("fastapi 0.46.0 → 0.47.0: 1 release\nsource: " + notes + "\n\n0.47.0 (2020-01-18)\n"),
                text.out());
        assertFalse(text.out().contains("\u001b"), "no escape sequences off a terminal");

        Cli md = Cli.run("notes", "fastapi", "--ecosystem", "pypi", "--from", "0.46.0", "--to", "0.47.0",
                "--source", notes.toString(), "--format", "markdown", "--cache-dir", tmp.resolve("cache").toString());
        assertTrue(md.out().startsWith("## 0.47.0 (2020-01-18)\n\n* Refactor documentation"), md.out());
    }

    @Test
    void fromIsTheSpecsLowerBoundInTheProjectsManifests() throws IOException {
        Path notes = fastapiNotes();
        Cli r = Cli.run("notes", "FastAPI", "fixtures/fastapi-app", "--to", "0.47.0", "--source", notes.toString(),
                "--format", "json", "--cache-dir", tmp.resolve("cache").toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("fastapi", json.get("package").asText());
        assertEquals("0.45.0", json.get("from").asText(), "fastapi>=0.45.0,<0.46.0 in pyproject.toml");
        assertEquals(List.of("0.47.0", "0.46.0"), field(json.get("releases"), "version"));
    }

    @Test
    void badInputIsExitTwoWithOneLine() throws IOException {
        Path notes = fastapiNotes();
        String cache = tmp.resolve("cache").toString();
        List<List<String>> cases = List.of(
                List.of("notes", "left-pad", "fixtures/fastapi-app", "--cache-dir", cache),
                List.of("notes", "fastapi", "--ecosystem", "pypi", "--from", "0.47.0", "--to", "0.45.0", "--source",
                        notes.toString(), "--cache-dir", cache),
                List.of("notes", "fastapi", "--ecosystem", "pypi", "--from", "banana", "--to", "1.0", "--cache-dir", cache),
                List.of("notes", "fastapi", "--ecosystem", "pypi", "--from", "0.1", "--to", "0.2", "--source",
                        tmp.resolve("missing.md").toString(), "--cache-dir", cache),
                List.of("notes", "fastapi", "--ecosystem", "cargo"),
                List.of("notes"));
        List<String> expected = List.of("left-pad is not a dependency in the manifests under fixtures/fastapi-app",
                "--from 0.47.0 is above --to 0.45.0", "--from banana is not a pypi version",
                "neither a URL nor a file", "--ecosystem", "PACKAGE");
        for (int i = 0; i < cases.size(); i++) {
            Cli r = Cli.run(cases.get(i).toArray(String[]::new));
            assertEquals(2, r.exit(), cases.get(i) + ": " + r.err());
            assertTrue(r.err().contains(expected.get(i)), r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        }
    }

    /** An npm packument as registry.npmjs.org serves it, trimmed to three versions, naming its repository. */
    static String esbuildPackument(String repository) {
        return "{\"_id\":\"esbuild\",\"name\":\"esbuild\",\"dist-tags\":{\"latest\":\"0.24.0\"},"
                + "\"versions\":{"
                + "\"0.21.5\":{\"name\":\"esbuild\",\"version\":\"0.21.5\",\"repository\":{\"type\":\"git\",\"url\":\"" + repository + "\"},"
                + "\"dist\":{\"tarball\":\"https://registry.npmjs.org/esbuild/-/esbuild-0.21.5.tgz\"}},"
                + "\"0.23.0\":{\"name\":\"esbuild\",\"version\":\"0.23.0\",\"dist\":{\"tarball\":\"https://registry.npmjs.org/esbuild/-/esbuild-0.23.0.tgz\"}},"
                + "\"0.24.0\":{\"name\":\"esbuild\",\"version\":\"0.24.0\",\"dist\":{\"tarball\":\"https://registry.npmjs.org/esbuild/-/esbuild-0.24.0.tgz\"}}},"
                + "\"time\":{\"created\":\"2020-01-26T22:55:13.564Z\",\"modified\":\"2024-09-22T02:09:53.311Z\","
                + "\"0.21.5\":\"2024-06-09T22:35:13.140Z\",\"0.23.0\":\"2024-07-02T03:35:21.412Z\",\"0.24.0\":\"2024-09-22T02:09:52.810Z\"},"
                + "\"repository\":{\"type\":\"git\",\"url\":\"" + repository + "\"},"
                + "\"homepage\":\"https://github.com/evanw/esbuild#readme\",\"bugs\":{\"url\":\"https://github.com/evanw/esbuild/issues\"},"
                + "\"license\":\"MIT\",\"readme\":\"# esbuild\\n\\nThis is a JavaScript bundler and minifier.\"}";
    }

    private String[] npmArgs(String... more) {
        List<String> args = new ArrayList<>(List.of(more));
        args.addAll(List.of("--registry", "npm=" + base() + "/", "--github-api", base(), "--allow-insecure-http",
                "--cache-dir", tmp.resolve("cache").toString()));
        return args.toArray(String[]::new);
    }

    @Test
    void npmRegistryPointsAtGithubReleasesAndToIsTheLatestTag() throws IOException {
        SERVER.stubFor(get("/esbuild").willReturn(okForContentType(JSON, esbuildPackument("git+https://github.com/evanw/esbuild.git"))));
        String page2 = base() + "/repositories/29775721/releases?per_page=100&page=2";
        SERVER.stubFor(get("/repos/evanw/esbuild/releases?per_page=100").willReturn(okForContentType(JSON,
                fixture("esbuild-releases-page1.json")).withHeader("Link", "<" + page2 + ">; rel=\"next\"")));
        SERVER.stubFor(get("/repositories/29775721/releases?per_page=100&page=2").willReturn(okForContentType(JSON,
                fixture("esbuild-releases-page2.json"))));

        Cli r = Cli.run(npmArgs("notes", "esbuild", "--ecosystem", "npm", "--from", "0.21.5", "--format", "json"));

        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("0.24.0", json.get("to").asText());
        assertEquals("https://github.com/evanw/esbuild/releases", json.get("source").asText());
        assertEquals(List.of("0.24.0", "0.23.1", "0.23.0"), field(json.get("releases"), "version"));
        assertTrue(json.get("releases").get(0).get("flagged").get(0).asText()
                .startsWith("This release deliberately contains backwards-incompatible changes."));
    }

    /**
     * A reduced packument, as some mirrors serve them: no top-level links; only the versions' manifests
     * name a repository, an old one another than the latest's. The dist-tags come after the versions.
     */
    static String reducedPackument(String latestRepository) {
        return "{\"name\":\"esbuild\",\"versions\":{"
                + "\"0.21.5\":{\"name\":\"esbuild\",\"repository\":{\"type\":\"git\",\"url\":\"https://github.com/someone/old-fork.git\"}},"
                + "\"0.24.0\":{\"name\":\"esbuild\",\"repository\":\"" + latestRepository + "\",\"homepage\":\"https://esbuild.github.io/\"}},"
                + "\"dist-tags\":{\"latest\":\"0.24.0\"},"
                + "\"time\":{\"0.21.5\":\"2024-06-09T22:35:13.140Z\",\"0.24.0\":\"2024-09-22T02:09:52.810Z\"}}";
    }

    @Test
    void aReducedPackumentsLatestVersionNamesTheRepository() throws IOException {
        SERVER.stubFor(get("/esbuild").willReturn(okForContentType(JSON, reducedPackument("github:evanw/esbuild"))));
        SERVER.stubFor(get("/repos/evanw/esbuild/releases?per_page=100").willReturn(okForContentType(JSON,
                fixture("esbuild-releases-page2.json"))));

        Cli r = Cli.run(npmArgs("notes", "esbuild", "--ecosystem", "npm", "--from", "0.21.5", "--to", "0.23.0", "--format", "json"));

        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("https://github.com/evanw/esbuild/releases", json.get("source").asText());
        assertEquals("0.23.0", json.get("releases").get(0).get("version").asText());
    }

    @Test
    void nothingReadableIsExitThreeWithTheCompareLink() throws IOException {
        SERVER.stubFor(get("/esbuild").willReturn(okForContentType(JSON, esbuildPackument("git+https://github.com/evanw/esbuild.git"))));
        SERVER.stubFor(get("/repos/evanw/esbuild/releases?per_page=100").willReturn(notFound()));
        SERVER.stubFor(get("/repos/evanw/esbuild/contents/").willReturn(notFound()));

        Cli r = Cli.run(npmArgs("notes", "esbuild", "--ecosystem", "npm", "--from", "0.21.5", "--to", "0.24.0", "-v"));

        assertEquals(3, r.exit(), r.err());
        assertTrue(r.out().contains("source: https://github.com/evanw/esbuild/compare/v0.21.5...v0.24.0"), r.out());
        assertTrue(r.err().contains("pinver: tried https://github.com/evanw/esbuild/releases: no releases"), r.err());
        assertTrue(r.err().contains("esbuild: no release notes could be read"), r.err());
    }

    @Test
    void aPolicyCanNameWhereAPackagesNotesAre(@TempDir Path project) throws Exception {
        Path notes = project.resolve("fastapi-release-notes.md");
        Files.writeString(notes, Files.readString(Corpus.file(
                "release-notes/fastapi__fastapi__docs__en__docs__release-notes.md")));
        Files.writeString(project.resolve("requirements.txt"), "fastapi>=0.100.0,<0.101.0\n");
        Files.writeString(project.resolve(".pinver.yaml"),
                "rules:\n  - package: fastapi\n    notes: " + notes.toAbsolutePath() + "\n");
        Cli r = Cli.run("notes", "fastapi", project.toString(), "--to", "0.101.1", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(notes.toAbsolutePath().toString(), json.get("source").asText());
        assertEquals("0.101.1", json.get("releases").get(0).get("version").asText());
        assertEquals("0.100.1", json.get("releases").get(2).get("version").asText());
    }
}
