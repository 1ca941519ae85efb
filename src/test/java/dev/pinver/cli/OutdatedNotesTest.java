package dev.pinver.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pinver.LocalWireMock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code pinver outdated --notes}: a notes summary per update, and "notes unavailable" when there are none. */
class OutdatedNotesTest {

    @RegisterExtension
    static final WireMockExtension SERVER = LocalWireMock.server();

    private static final String NPM = Path.of("fixtures/registry/npm").toAbsolutePath().toUri().toString();

    @Test
    void offlineFixturesHaveNoRepositorySoNotesAreUnavailable(@TempDir Path cache) throws Exception {
        Cli text = Cli.run("outdated", "fixtures/npm-app", "--registry", "npm=" + NPM, "--cache-dir", cache.toString(),
                "--notes");
        assertEquals(0, text.exit(), "unavailable notes are not an error: " + text.err());
        String header = text.out().lines().findFirst().orElseThrow();
        assertTrue(header.matches("package +spec +resolved +in range +compatible +latest +update +notes +where"), header);
        assertTrue(text.out().lines().filter(l -> l.startsWith("typescript ")).findFirst().orElseThrow()
                .contains("  notes unavailable  "), text.out());

        Cli json = Cli.run("outdated", "fixtures/npm-app", "--registry", "npm=" + NPM, "--cache-dir", cache.toString(),
                "--notes", "--format", "json");
        assertEquals(0, json.exit(), json.err());
        int withNotes = 0;
        for (JsonNode d : new ObjectMapper().readTree(json.out()).get("dependencies")) {
            boolean moves = d.has("update") && !d.get("update").asText().equals("none");
            assertEquals(moves, d.has("notes"), d.toString());
            if (moves) {
                withNotes++;
                assertTrue(d.get("notes").get("unavailable").asText().startsWith("no release notes found"), d.toString());
            }
        }
        assertTrue(withNotes > 0, json.out());
    }

    @Test
    void withoutNotesTheTableIsUnchanged(@TempDir Path cache) {
        Cli r = Cli.run("outdated", "fixtures/npm-app", "--registry", "npm=" + NPM, "--cache-dir", cache.toString());
        assertTrue(r.out().startsWith("package "), r.out());
        assertFalse(r.out().lines().findFirst().orElseThrow().contains("notes"), r.out());
    }

    @Test
    void aPackumentNamingItsRepositoryGetsASummary(@TempDir Path project, @TempDir Path registry, @TempDir Path cache)
            throws Exception {
        Files.writeString(registry.resolve("esbuild"), NotesCommandTest.esbuildPackument("git+https://github.com/evanw/esbuild.git"));
        Files.writeString(project.resolve("package.json"),
                "{\"name\":\"app\",\"version\":\"1.0.0\",\"devDependencies\":{\"esbuild\":\"^0.21.5\"}}");
        String base = "http://127.0.0.1:" + SERVER.getPort();
        String page2 = base + "/repositories/29775721/releases?per_page=100&page=2";
        SERVER.stubFor(get("/repos/evanw/esbuild/releases?per_page=100").willReturn(okForContentType("application/json",
                NotesCommandTest.fixture("esbuild-releases-page1.json")).withHeader("Link", "<" + page2 + ">; rel=\"next\"")));
        SERVER.stubFor(get("/repositories/29775721/releases?per_page=100&page=2").willReturn(okForContentType(
                "application/json", NotesCommandTest.fixture("esbuild-releases-page2.json"))));
        String[] args = {"outdated", project.toString(), "--registry", "npm=" + registry.toUri(), "--cache-dir",
            cache.toString(), "--github-api", base, "--allow-insecure-http", "--notes"};

        Cli json = Cli.run(concat(args, "--format", "json"));
        assertEquals(0, json.exit(), json.err());
        JsonNode notes = new ObjectMapper().readTree(json.out()).get("dependencies").get(0).get("notes");
        assertEquals(3, notes.get("releases").asInt(), notes.toString());
        assertEquals(4, notes.get("flagged").asInt(), notes.toString());
        assertEquals("https://github.com/evanw/esbuild/releases", notes.get("source").asText());

        Cli text = Cli.run(args);
        assertTrue(text.out().contains("  3 releases, 2 breaking, 2 removal  "), text.out());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
