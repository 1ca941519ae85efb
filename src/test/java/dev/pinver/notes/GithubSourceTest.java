package dev.pinver.notes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pinver.Corpus;
import dev.pinver.LocalWireMock;
import dev.pinver.notes.NotesResult.Attempt;
import dev.pinver.notes.NotesResult.Status;
import dev.pinver.notes.SourceRef.Forge;
import dev.pinver.notes.SourceRef.Repo;
import dev.pinver.registry.Credentials;
import dev.pinver.registry.Http;
import dev.pinver.registry.HttpOptions;
import dev.pinver.version.NpmScheme;
import dev.pinver.version.Pep440Scheme;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Release notes from a GitHub-shaped API on a local WireMock: releases paged by {@code Link}, tags
 * matched per package, changelog files through the contents API, fallbacks, rate limits, the token.
 */
class GithubSourceTest {

    @RegisterExtension
    static final WireMockExtension SERVER = LocalWireMock.server();

    private static final Repo ESBUILD = new Repo(Forge.GITHUB, "github.com", "evanw/esbuild", "");
    private static final Repo TOOLKIT = new Repo(Forge.GITHUB, "github.com", "acme/toolkit", "");
    private static final String JSON = "application/json; charset=utf-8";
    private static final String TOKEN = "ghp_Xq7TestTokenThatMustNeverBePrinted0001";

    @TempDir
    Path cache;

    private static String base() {
        return "http://127.0.0.1:" + SERVER.getPort();
    }

    private NotesFinder finder(Optional<String> token, Duration maxWait, Clock clock) {
        HttpOptions http = HttpOptions.defaults(Map.of()).withCacheDir(cache).withAllowInsecureHttp(true)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withRetries(0, Duration.ofMillis(10), Duration.ofMillis(50));
        ForgeOptions options = new ForgeOptions(base(), base() + "/api/v4", token.map(Credentials.Bearer::new),
                Optional.empty(), maxWait);
        return new NotesFinder(new Http(http), options, clock);
    }

    private NotesFinder finder() {
        return finder(Optional.empty(), Duration.ofSeconds(1), Clock.systemUTC());
    }

    private static String fixture(String name) {
        try (InputStream in = GithubSourceTest.class.getResourceAsStream("/notes/github/" + name)) {
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A GitHub JSON answer with the headers api.github.com sends. */
    private static ResponseDefinitionBuilder github(String body) {
        return okForContentType(JSON, body)
                .withHeader("X-GitHub-Media-Type", "github.v3; format=json")
                .withHeader("X-RateLimit-Limit", "60")
                .withHeader("X-RateLimit-Remaining", "57")
                .withHeader("X-RateLimit-Reset", "4102444800")
                .withHeader("X-RateLimit-Resource", "core");
    }

    private static NotesQuery esbuild(String from, String to) {
        return new NotesQuery("esbuild", "npm", Optional.of(from), Optional.of(to), ReleaseOrder.of(new NpmScheme()));
    }

    private static NotesQuery toolkit(String from, String to) {
        return new NotesQuery("@acme/toolkit", "npm", Optional.of(from), Optional.of(to), ReleaseOrder.of(new NpmScheme()));
    }

    private static List<String> versions(NotesResult r) {
        return r.report().releases().stream().map(Release::version).toList();
    }

    private void stubEsbuildPages() {
        String page2 = base() + "/repositories/29775721/releases?per_page=100&page=2";
        String page3 = base() + "/repositories/29775721/releases?per_page=100&page=3";
        SERVER.stubFor(get("/repos/evanw/esbuild/releases?per_page=100").willReturn(github(fixture("esbuild-releases-page1.json"))
                .withHeader("Link", "<" + page2 + ">; rel=\"next\", <" + page3 + ">; rel=\"last\"")));
        SERVER.stubFor(get("/repositories/29775721/releases?per_page=100&page=2").willReturn(github(fixture("esbuild-releases-page2.json"))
                .withHeader("Link", "<" + base() + "/repositories/29775721/releases?per_page=100&page=1>; rel=\"prev\", <"
                        + page3 + ">; rel=\"next\", <" + page3 + ">; rel=\"last\", <" + base()
                        + "/repositories/29775721/releases?per_page=100&page=1>; rel=\"first\"")));
        SERVER.stubFor(get("/repositories/29775721/releases?per_page=100&page=3").willReturn(github(fixture("esbuild-releases-page3.json"))));
    }

    @Test
    void releasesArePagedByLinkUntilFromIsReached() {
        stubEsbuildPages();
        NotesResult r = finder().find(esbuild("0.21.5", "0.24.0"), List.of(ESBUILD));

        assertEquals(Status.FOUND, r.status());
        assertEquals(List.of("0.24.0", "0.23.1", "0.23.0"), versions(r), "the draft v0.22.1 is left out");
        assertEquals("https://github.com/evanw/esbuild/releases", r.report().source());
        assertEquals(List.of(Optional.of(LocalDate.of(2024, 9, 22)), Optional.of(LocalDate.of(2024, 8, 16)),
                Optional.of(LocalDate.of(2024, 7, 2))), r.report().releases().stream().map(Release::date).toList());
        Release v024 = r.report().releases().get(0);
        assertEquals(Flag.Kind.BREAKING, v024.flagged().get(0).kind());
        assertTrue(v024.flagged().get(0).line().startsWith("This release deliberately contains backwards-incompatible changes."),
                v024.flagged().toString());
        assertTrue(v024.flagged().stream().anyMatch(f -> f.kind() == Flag.Kind.REMOVAL
                && f.line().startsWith("Drop support for older platforms")), v024.flagged().toString());
        assertEquals(List.of(), r.report().releases().get(1).flagged());
        SERVER.verify(getRequestedFor(urlEqualTo("/repos/evanw/esbuild/releases?per_page=100"))
                .withHeader("Accept", equalTo("application/vnd.github+json")));
        SERVER.verify(0, getRequestedFor(urlEqualTo("/repositories/29775721/releases?per_page=100&page=3")));
    }

    @Test
    void withoutFromEveryPageIsRead() {
        stubEsbuildPages();
        NotesQuery all = new NotesQuery("esbuild", "npm", Optional.empty(), Optional.of("0.24.0"), ReleaseOrder.of(new NpmScheme()));
        NotesResult r = finder().find(all, List.of(ESBUILD));
        assertEquals(List.of("0.24.0", "0.23.1", "0.23.0", "0.21.5", "0.21.4"), versions(r));
    }

    @Test
    void notFoundSourcesFallThroughToTheChangelogFile() {
        SERVER.stubFor(get("/acme/CHANGELOG.md").willReturn(notFound()));
        SERVER.stubFor(get("/repos/acme/toolkit/releases?per_page=100").willReturn(github(fixture("toolkit-releases.json"))));
        SERVER.stubFor(get("/repos/acme/toolkit/contents/").willReturn(github(fixture("toolkit-contents-root.json"))));
        SERVER.stubFor(get("/repos/acme/toolkit/contents/Changelog.md").willReturn(github(fixture("toolkit-contents-changelog.json"))));

        NotesResult r = finder().find(toolkit("1.4.1", "2.0.0"),
                List.of(new SourceRef.WebFile(base() + "/acme/CHANGELOG.md"), TOOLKIT));

        assertEquals(Status.FOUND, r.status());
        assertEquals(List.of("2.0.0", "1.5.0", "1.4.2"), versions(r));
        assertEquals("https://github.com/acme/toolkit/blob/HEAD/Changelog.md", r.report().source());
        assertEquals(List.of(
                new Attempt(base() + "/acme/CHANGELOG.md", "not found", false),
                new Attempt("https://github.com/acme/toolkit/releases", "2 releases, none with notes for @acme/toolkit", false),
                new Attempt("https://github.com/acme/toolkit/blob/HEAD/Changelog.md", "4 releases, 3 in range", false)),
                r.attempts());
        List<String> flagged = r.report().flagged().stream().map(f -> f.version() + " " + f.flag().kind().id()).toList();
        assertEquals(List.of("2.0.0 breaking", "2.0.0 removal", "1.5.0 deprecation", "1.4.2 security"), flagged);
    }

    @Test
    void aFailingReleasesListStillLeavesTheChangelogFiles() {
        SERVER.stubFor(get("/repos/acme/toolkit/releases?per_page=100").willReturn(aResponse().withStatus(502)));
        SERVER.stubFor(get("/repos/acme/toolkit/contents/").willReturn(github(fixture("toolkit-contents-root.json"))));
        SERVER.stubFor(get("/repos/acme/toolkit/contents/Changelog.md").willReturn(github(fixture("toolkit-contents-changelog.json"))));

        NotesResult r = finder().find(toolkit("1.5.0", "2.0.0"), List.of(TOOLKIT));

        assertEquals(Status.FOUND, r.status());
        assertEquals(List.of("2.0.0"), versions(r));
        assertEquals(new Attempt("https://github.com/acme/toolkit", "http://127.0.0.1:" + SERVER.getPort()
                + "/repos/acme/toolkit/releases?per_page=100: HTTP 502", true), r.attempts().get(0));
        assertTrue(r.anyFailed());
    }

    @Test
    void docsPathsAreFoundByListingOnlyTheDirectoriesOnThem() throws IOException {
        Path notes = Corpus.file("release-notes/fastapi__fastapi__docs__en__docs__release-notes.md");
        String content = Base64.getMimeEncoder().encodeToString(Files.readAllBytes(notes));
        Repo fastapi = new Repo(Forge.GITHUB, "github.com", "fastapi/fastapi", "");
        SERVER.stubFor(get("/repos/fastapi/fastapi/releases?per_page=100").willReturn(github("[]")));
        SERVER.stubFor(get("/repos/fastapi/fastapi/contents/").willReturn(github(listing("README.md", "file", "docs", "dir",
                "fastapi", "dir", "pyproject.toml", "file"))));
        SERVER.stubFor(get("/repos/fastapi/fastapi/contents/docs").willReturn(github(listing("en", "dir", "es", "dir"))));
        SERVER.stubFor(get("/repos/fastapi/fastapi/contents/docs/en").willReturn(github(listing("docs", "dir", "mkdocs.yml", "file"))));
        SERVER.stubFor(get("/repos/fastapi/fastapi/contents/docs/en/docs").willReturn(github(listing("index.md", "file",
                "release-notes.md", "file"))));
        SERVER.stubFor(get("/repos/fastapi/fastapi/contents/docs/en/docs/release-notes.md").willReturn(github(
                "{\"type\":\"file\",\"encoding\":\"base64\",\"name\":\"release-notes.md\",\"path\":\"docs/en/docs/release-notes.md\","
                        + "\"content\":\"" + content.replace("\r\n", "\\n") + "\"}")));
        NotesQuery query = new NotesQuery("fastapi", "pypi", Optional.of("0.45.0"), Optional.of("0.47.0"),
                ReleaseOrder.of(new Pep440Scheme()));

        NotesResult r = finder().find(query, List.of(fastapi));

        assertEquals(List.of("0.47.0", "0.46.0"), versions(r));
        assertEquals(Optional.of(LocalDate.of(2020, 1, 8)), r.report().releases().get(1).date());
        assertEquals("https://github.com/fastapi/fastapi/blob/HEAD/docs/en/docs/release-notes.md", r.report().source());
        SERVER.verify(0, getRequestedFor(urlEqualTo("/repos/fastapi/fastapi/contents/docs/es")));
    }

    /** A contents-API directory listing of name, type pairs. */
    private static String listing(String... nameType) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < nameType.length; i += 2) {
            sb.append(i == 0 ? "" : ",").append("{\"name\":\"").append(nameType[i]).append("\",\"path\":\"")
                    .append(nameType[i]).append("\",\"type\":\"").append(nameType[i + 1]).append("\",\"size\":0}");
        }
        return sb.append("]").toString();
    }

    @Test
    void filesOverOneMegabyteAreAskedAgainRaw() {
        SERVER.stubFor(get("/repos/acme/toolkit/contents/Changelog.md").withHeader("Accept", equalTo("application/vnd.github+json"))
                .willReturn(github(fixture("toolkit-contents-changelog-large.json"))));
        SERVER.stubFor(get("/repos/acme/toolkit/contents/Changelog.md").withHeader("Accept", equalTo("application/vnd.github.raw+json"))
                .willReturn(aResponse().withHeader("Content-Type", "application/vnd.github.raw; charset=utf-8")
                        .withBody(fixture("toolkit-CHANGELOG.md"))));
        SourceRef file = new SourceRef.RepoFile(TOOLKIT, "", "Changelog.md");

        NotesResult r = finder().find(toolkit("1.5.0", "2.0.0"), List.of(file));

        assertEquals(List.of("2.0.0"), versions(r));
    }

    @Test
    void aRateLimitThatEndsSoonIsWaitedOut() {
        Instant reset = Instant.ofEpochSecond(1_900_000_000L);
        Clock justBefore = Clock.fixed(reset.minusMillis(40), ZoneOffset.UTC);
        SERVER.stubFor(get("/repos/evanw/esbuild/releases?per_page=100").inScenario("limit").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", JSON)
                        .withHeader("X-RateLimit-Limit", "60").withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", Long.toString(reset.getEpochSecond()))
                        .withBody("{\"message\":\"API rate limit exceeded for 127.0.0.1.\",\"documentation_url\":"
                                + "\"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting\"}"))
                .willSetStateTo("reset"));
        SERVER.stubFor(get("/repos/evanw/esbuild/releases?per_page=100").inScenario("limit").whenScenarioStateIs("reset")
                .willReturn(github(fixture("esbuild-releases-page1.json"))));

        NotesResult r = finder(Optional.empty(), Duration.ofSeconds(1), justBefore).find(esbuild("0.23.1", "0.24.0"),
                List.of(ESBUILD));

        assertEquals(Status.FOUND, r.status(), r.attempts().toString());
        assertEquals(List.of("0.24.0"), versions(r));
    }

    @Test
    void aRateLimitFarAwayIsAnErrorEntryAndTheCompareLinkRemains() {
        Instant now = Instant.ofEpochSecond(1_900_000_000L);
        SERVER.stubFor(get("/repos/evanw/esbuild/releases?per_page=100").willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", JSON).withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", Long.toString(now.getEpochSecond() + 3600))));

        NotesResult r = finder(Optional.empty(), Duration.ofSeconds(1), Clock.fixed(now, ZoneOffset.UTC))
                .find(esbuild("0.21.5", "0.24.0"), List.of(ESBUILD, new SourceRef.RepoFile(ESBUILD, "", "CHANGELOG.md")));

        assertEquals(Status.LINK_ONLY, r.status());
        assertEquals("https://github.com/evanw/esbuild/compare/v0.21.5...v0.24.0", r.report().source());
        assertEquals(3, r.attempts().size(), "releases, files, CHANGELOG.md: " + r.attempts());
        for (Attempt a : r.attempts()) {
            assertTrue(a.failed());
            assertTrue(a.outcome().contains("rate limited until 2030-03-17T18:46:40Z (set GITHUB_TOKEN for a higher limit)"),
                    a.outcome());
        }
        SERVER.verify(1, getRequestedFor(urlEqualTo("/repos/evanw/esbuild/releases?per_page=100")));
        assertTrue(r.problem().contains("rate limited until"), r.problem());
    }

    @Test
    void tooManyRequestsWithALongRetryAfterIsAnError() {
        SERVER.stubFor(get("/repos/evanw/esbuild/releases?per_page=100").willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "120")));
        NotesResult r = finder().find(esbuild("0.21.5", "0.24.0"), List.of(ESBUILD));
        assertEquals(2, r.attempts().size(), "releases, then files without asking: " + r.attempts());
        r.attempts().forEach(a -> assertTrue(a.outcome().contains("rate limited until"), r.attempts().toString()));
        SERVER.verify(1, getRequestedFor(urlEqualTo("/repos/evanw/esbuild/releases?per_page=100")));
    }

    @Test
    void theTokenGoesToTheApiOnlyAndIsNeverShown() {
        // page 1 points its next page at another origin: not followed, so the token cannot travel there
        SERVER.stubFor(get("/repos/evanw/esbuild/releases?per_page=100").willReturn(github(fixture("esbuild-releases-page1.json"))
                .withHeader("Link", "<http://localhost:" + SERVER.getPort() + "/repositories/29775721/releases?page=2>; rel=\"next\"")));
        SERVER.stubFor(get("/repos/evanw/esbuild/contents/").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", JSON).withBody("{\"message\":\"Bad credentials: " + TOKEN + "\"}")));
        SERVER.stubFor(get("/repos/evanw/esbuild/contents/CHANGELOG.md").willReturn(aResponse().withStatus(500)));

        NotesResult r = finder(Optional.of(TOKEN), Duration.ofSeconds(1), Clock.systemUTC()).find(esbuild("0.21.5", "0.25.0"),
                List.of(ESBUILD, new SourceRef.RepoFile(ESBUILD, "", "CHANGELOG.md")));

        SERVER.verify(getRequestedFor(urlEqualTo("/repos/evanw/esbuild/releases?per_page=100"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        assertEquals(List.of("0.24.0", "0.23.1"), versions(r), "only page 1");
        SERVER.verify(getRequestedFor(urlEqualTo("/repos/evanw/esbuild/contents/CHANGELOG.md"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        List<String> shown = new java.util.ArrayList<>();
        r.attempts().forEach(a -> shown.add(a.source() + " " + a.outcome()));
        shown.add(r.problem());
        shown.add(NotesText.render(r.report(), false));
        shown.add(NotesMarkdown.render(r.report()));
        assertTrue(shown.stream().anyMatch(s -> s.contains("HTTP 401 (the token was refused)")), shown.toString());
        assertTrue(shown.stream().anyMatch(s -> s.contains("HTTP 500")), shown.toString());
        for (String s : shown) {
            assertFalse(s.contains(TOKEN), s);
            assertFalse(s.contains("Xq7TestToken"), s);
        }
    }

    @Test
    void gitlabReleasesFromTheDocumentedShape() throws IOException {
        String body = Files.readString(Corpus.file("forges/gitlab-releases-list.json"));
        SERVER.stubFor(get("/api/v4/projects/root%2Fawesome-app/releases?per_page=100")
                .willReturn(okForContentType(JSON, body).withHeader("RateLimit-Remaining", "1999")));
        Repo app = new Repo(Forge.GITLAB, "gitlab.com", "root/awesome-app", "");
        NotesQuery query = new NotesQuery("awesome-app", "npm", Optional.of("0.1.0"), Optional.of("0.2.0"), ReleaseOrder.lenient());

        NotesResult r = finder().find(query, List.of(app));

        assertEquals(Status.FOUND, r.status(), r.attempts().toString());
        assertEquals(List.of("0.2"), versions(r));
        assertEquals("https://gitlab.com/root/awesome-app/-/releases", r.report().source());
        assertTrue(r.report().releases().get(0).text().contains("Escape label and milestone titles to prevent XSS"));
        assertEquals(Optional.of(LocalDate.of(2019, 1, 3)), r.report().releases().get(0).date());
    }
}
