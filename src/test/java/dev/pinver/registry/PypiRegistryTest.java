package dev.pinver.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.pinver.registry.SimpleHtmlTest.fixture;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pinver.LocalWireMock;
import dev.pinver.registry.RegistryException.Reason;
import dev.pinver.version.Pep440Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The PyPI client against WireMock serving the JSON API and both forms of the simple API. */
class PypiRegistryTest {

    @RegisterExtension
    static final WireMockExtension SERVER = LocalWireMock.server();

    @TempDir
    Path cacheDir;

    private static final String SIMPLE_JSON = "application/vnd.pypi.simple.v1+json";

    private Http http() {
        return new Http(HttpOptions.defaults(Map.of()).withCacheDir(cacheDir).withAllowInsecureHttp(true)
                .withRetries(1, Duration.ofMillis(5), Duration.ofMillis(20)));
    }

    private static String base(String path) {
        return "http://127.0.0.1:" + SERVER.getPort() + path;
    }

    private PypiRegistry registry(String... indexUrls) {
        return new PypiRegistry(http(), PipIndexes.indexes(List.of(indexUrls)));
    }

    private static void serve(String path, String contentType, byte[] body) {
        SERVER.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", contentType).withBody(body)));
    }

    /** A release as the tests write it: uploaded may be null. */
    private static PypiRelease release(String version, String uploaded, boolean yanked, String reason, String requiresPython) {
        return new PypiRelease(version, Pep440Version.parse(version),
                Optional.ofNullable(uploaded).map(Instant::parse), yanked, Optional.ofNullable(reason),
                Optional.ofNullable(requiresPython));
    }

    @Test
    void jsonApi() throws IOException {
        serve("/pypi/demo-pkg/json", "application/json", fixture("pypi/json-demo-pkg.json"));
        PypiProject project = registry(base("/pypi")).project("Demo_Pkg");
        assertEquals("demo-pkg", project.name());
        assertEquals(List.of(
                release("0.9.0", "2021-03-01T09:15:00.123456Z", false, null, null),
                release("1.0.0", "2022-01-10T11:59:58Z", false, null, ">=3.7"),
                release("1.1.0", "2022-06-01T00:00:00Z", true, "security issue", ">=3.8"),
                release("1.2.0rc1", "2023-05-05T05:05:05Z", false, null, null),
                release("2.0.0", "2024-03-01T00:00:00Z", false, null, ">=3.9")),
                project.releases());
        assertEquals(List.of("Homepage", "Changelog", "Source"), List.copyOf(project.projectUrls().keySet()));
        assertEquals("https://github.com/example/demo-pkg/blob/main/CHANGES.md", project.projectUrls().get("Changelog"));
        assertTrue(project.complete());
        SERVER.verify(getRequestedFor(urlEqualTo("/pypi/demo-pkg/json")).withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void simpleJson() throws IOException {
        serve("/simple/demo-pkg/", SIMPLE_JSON, fixture("pypi/simple-demo-pkg.json"));
        PypiProject project = registry(base("/simple/")).project("demo.pkg");
        assertEquals(List.of(
                release("0.9.0", "2021-03-01T09:15:00.123456Z", false, null, null),
                release("1.0.0", "2022-01-10T11:59:58Z", false, null, ">=3.7"),
                release("1.1.0", "2022-06-01T00:00:00Z", true, "security issue", ">=3.8"),
                release("1.2.0rc1", null, true, null, null),
                // the sdist is yanked, the wheel is not: the release is not; its first upload is the sdist's
                release("2.0.0", "2024-02-29T22:00:00Z", false, null, ">=3.9")),
                project.releases());
        assertEquals(Map.of(), project.projectUrls());
        SERVER.verify(getRequestedFor(urlEqualTo("/simple/demo-pkg/")).withHeader("Accept", containing(SIMPLE_JSON)));
    }

    @Test
    void simpleHtml() throws IOException {
        serve("/simple/demo-pkg/", "text/html; charset=utf-8", fixture("pypi/simple-demo-pkg.html"));
        assertEquals(List.of(
                release("0.9.0", null, false, null, null),
                release("1.0.0", null, false, null, ">=3.7"),
                release("1.1.0", null, true, "broken & withdrawn", ">=3.8,<4"),
                release("1.2.0rc1", null, true, null, ">=3.9"),
                release("1.2.0", null, false, null, null),
                release("2.0.0", null, false, null, null)),
                registry(base("/simple")).releases("demo-pkg"));
    }

    @Test
    void theHtmlMediaTypeOfPep691IsHtmlToo() {
        serve("/simple/x/", "application/vnd.pypi.simple.v1+html", "<a href='x-1.0.tar.gz'>".getBytes(UTF_8));
        assertEquals("1.0", registry(base("/simple")).releases("x").get(0).version());
    }

    @Test
    void anUnexpectedContentTypeIsMalformed() {
        serve("/simple/x/", "application/octet-stream", new byte[] {1, 2, 3});
        RegistryException e = assertThrows(RegistryException.class, () -> registry(base("/simple")).project("x"));
        assertEquals(Reason.MALFORMED, e.reason());
        assertEquals(base("/simple/x/") + ": unexpected Content-Type application/octet-stream for a simple index page", e.getMessage());
    }

    @Test
    void malformedJsonNamesWhere() {
        serve("/pypi/x/json", "application/json", "{\"info\": {}, \"releases\": {\"1.0\": [{\"filename\": \"x-1.0.tar.gz\",}]}}".getBytes(UTF_8));
        RegistryException e = assertThrows(RegistryException.class, () -> registry(base("/pypi")).project("x"));
        assertEquals(Reason.MALFORMED, e.reason());
        assertTrue(e.getMessage().startsWith(base("/pypi/x/json") + ": malformed JSON at line 1, column "), e.getMessage());
    }

    @Test
    void wrongJsonShapesAreMalformed() {
        serve("/simple/x/", SIMPLE_JSON, "{\"meta\": {\"api-version\": \"1.0\"}, \"files\": {\"x-1.0.tar.gz\": {}}}".getBytes(UTF_8));
        serve("/simple2/x/", SIMPLE_JSON, "{\"meta\": {\"api-version\": \"2.0\"}, \"files\": []}".getBytes(UTF_8));
        serve("/simple3/x/", SIMPLE_JSON, "{\"meta\": {\"api-version\": \"1.0\"}, \"files\": [{\"filename\": \"x-1.0.tar.gz\", \"yanked\": 1}]}".getBytes(UTF_8));
        serve("/pypi/x/json", "application/json", "[1, 2]".getBytes(UTF_8));
        assertEquals(base("/simple/x/") + ": unexpected JSON at line 1, column 43: files is not an array",
                assertThrows(RegistryException.class, () -> registry(base("/simple")).project("x")).getMessage());
        assertTrue(assertThrows(RegistryException.class, () -> registry(base("/simple2")).project("x")).getMessage()
                .endsWith("unsupported simple repository API version 2.0"));
        assertTrue(assertThrows(RegistryException.class, () -> registry(base("/simple3")).project("x")).getMessage()
                .endsWith("yanked is not a boolean"));
        assertTrue(assertThrows(RegistryException.class, () -> registry(base("/pypi")).project("x")).getMessage()
                .endsWith("the answer is not an object"));
    }

    @Test
    void indexesAreMergedAndAFailingOneIsReported() throws IOException {
        serve("/a/simple/demo-pkg/", "text/html", fixture("pypi/simple-demo-pkg.html"));
        serve("/b/simple/demo-pkg/", SIMPLE_JSON, fixture("pypi/simple-demo-pkg.json"));
        SERVER.stubFor(get("/c/simple/demo-pkg/").willReturn(aResponse().withStatus(404)));
        SERVER.stubFor(get("/d/simple/demo-pkg/").willReturn(aResponse().withStatus(500)));
        PypiProject project = registry(base("/a/simple"), base("/b/simple"), base("/c/simple"), base("/d/simple")).project("demo-pkg");
        List<String> versions = project.releases().stream().map(PypiRelease::version).toList();
        assertEquals(List.of("0.9.0", "1.0.0", "1.1.0", "1.2.0rc1", "1.2.0", "2.0.0"), versions);
        PypiRelease two = project.releases().get(5);
        assertEquals(Optional.of(Instant.parse("2024-02-29T22:00:00Z")), two.uploaded(), "upload times come from the index that has them");
        assertFalse(project.complete());
        assertEquals(1, project.failures().size());
        assertEquals(base("/d/simple/demo-pkg/") + ": HTTP 500 after 2 attempts", project.failures().get(0).getMessage());
    }

    @Test
    void aProjectNoIndexHasIsNotFound() {
        SERVER.stubFor(get("/a/simple/nothing/").willReturn(aResponse().withStatus(404)));
        SERVER.stubFor(get("/pypi/nothing/json").willReturn(aResponse().withStatus(404)));
        RegistryException e = assertThrows(RegistryException.class,
                () -> registry(base("/a/simple"), base("/pypi")).project("Nothing"));
        assertEquals(Reason.NOT_FOUND, e.reason());
        assertEquals(base("/a/simple/nothing/") + ": no project nothing (nor on " + base("/pypi/nothing/json") + ")", e.getMessage());
    }

    @Test
    void whenNoIndexAnswersTheFailureIsThrown() {
        SERVER.stubFor(get("/simple/x/").willReturn(aResponse().withStatus(503)));
        RegistryException e = assertThrows(RegistryException.class, () -> registry(base("/simple")).project("x"));
        assertEquals(Reason.HTTP_STATUS, e.reason());
    }

    @Test
    void indexCredentialsAreSentAndNeverShown() {
        String password = "hunter2-p4ss";
        SERVER.stubFor(get("/private/simple/x/").willReturn(aResponse().withStatus(500)));
        SERVER.stubFor(get("/private/simple/y/").willReturn(aResponse().withStatus(404)));
        serve("/simple/x/", "text/html", "<a href='x-1.0.tar.gz'>".getBytes(UTF_8));
        String secretIndex = "http://deploy:" + password + "@127.0.0.1:" + SERVER.getPort() + "/private/simple";
        PypiRegistry registry = registry(secretIndex, base("/simple"));
        PypiProject project = registry.project("x");
        SERVER.verify(getRequestedFor(urlEqualTo("/private/simple/x/")).withHeader("Authorization", equalTo("Basic ZGVwbG95Omh1bnRlcjItcDRzcw==")));
        String failure = project.failures().get(0).getMessage();
        assertFalse(failure.contains(password), failure);
        assertFalse(registry.indexes().get(0).toString().contains(password));
        RegistryException missing = assertThrows(RegistryException.class, () -> registry(secretIndex).project("y"));
        assertFalse(missing.getMessage().contains(password), missing.getMessage());
        assertTrue(missing.getMessage().contains("***@127.0.0.1") || missing.getMessage().startsWith(base("/private")), missing.getMessage());
    }

    @Test
    void invalidProjectNamesAreRejectedBeforeAnyRequest() {
        assertThrows(IllegalArgumentException.class, () -> registry(base("/simple")).project("../etc"));
        assertEquals(0, SERVER.getAllServeEvents().size());
    }

    @Test
    void indexKinds() {
        assertEquals(new PypiIndex("https://pypi.org/pypi", PypiIndex.Api.JSON), PypiIndex.of("https://pypi.org/simple/"));
        assertEquals(new PypiIndex("https://test.pypi.org/pypi", PypiIndex.Api.JSON), PypiIndex.of("https://test.pypi.org/simple"));
        assertEquals(new PypiIndex("https://pypi.org/pypi", PypiIndex.Api.JSON), PypiIndex.of("https://pypi.org/pypi"));
        assertEquals(new PypiIndex("https://mirror.example/pypi/simple", PypiIndex.Api.SIMPLE), PypiIndex.of("https://mirror.example/pypi/simple/"));
        assertEquals(new PypiIndex("file:///opt/pypi/simple", PypiIndex.Api.SIMPLE), PypiIndex.of("file:///opt/pypi/simple"));
        assertEquals(new PypiIndex("https://devpi.example/root/pypi/+simple", PypiIndex.Api.SIMPLE), PypiIndex.of("https://devpi.example/root/pypi/+simple/"));
    }

    @Test
    void findLinksDirectoriesAndPagesAddReleasesWhereIndexesHaveNone(@TempDir Path links) throws IOException {
        Path wheels = Files.createDirectories(links.resolve("wheels"));
        for (String file : List.of("demo_pkg-2.0.0-py3-none-any.whl", "demo-pkg-1.5.tar.gz", "other-3.0-py3-none-any.whl", "notes.txt")) {
            Files.writeString(wheels.resolve(file), "");
        }
        Files.createDirectories(wheels.resolve("demo_pkg-9.0-py3-none-any.whl")); // a directory is not a file
        Path page = Files.writeString(links.resolve("links.html"),
                "<html><body><a href=\"https://files.example/demo-pkg-2.1.0.tar.gz\">demo-pkg-2.1.0.tar.gz</a>"
                        + "<a href=\"https://files.example/other-1.0.tar.gz\">other</a></body></html>");
        SERVER.stubFor(get("/links/").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody("<a href=\"demo_pkg-2.2.0-py3-none-any.whl\">x</a>")));
        SERVER.stubFor(get(urlEqualTo("/simple/demo-pkg/")).willReturn(aResponse().withStatus(404)));
        SERVER.stubFor(get(urlEqualTo("/simple/absent/")).willReturn(aResponse().withStatus(404)));

        PypiRegistry registry = new PypiRegistry(http(), PipIndexes.indexes(List.of(base("/simple"))),
                List.of(wheels.toString(), page.toUri().toString(), base("/links/"), links.resolve("missing").toString(),
                        links.resolve("gone").toUri().toString()));
        PypiProject project = registry.project("demo-pkg");
        assertEquals(List.of("1.5", "2.0.0", "2.1.0", "2.2.0"), project.releases().stream().map(PypiRelease::version).toList());
        assertEquals(List.of(), project.failures());

        RegistryException none = assertThrows(RegistryException.class, () -> registry.project("absent"));
        assertEquals(Reason.NOT_FOUND, none.reason());
    }
}
