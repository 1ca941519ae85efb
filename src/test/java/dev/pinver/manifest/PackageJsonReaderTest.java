package dev.pinver.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.Location;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The package.json reader on hand-written fixtures. Expected columns were computed from the fixture text
 * outside the reader (UTF-16 units, as Java counts); expected sources follow the types npm's own
 * npm-package-arg gives the same values (directory/file: LOCAL, git/remote: URL, range/version/tag: REGISTRY).
 */
class PackageJsonReaderTest {

    private static final PackageJsonReader READER = new PackageJsonReader();
    private static final Path FILE = Path.of("package.json");

    /** Each dependency as {@code name [spec] line:column SOURCE section}. */
    static List<String> render(Manifest manifest) {
        return manifest.dependencies().stream()
                .map(d -> d.name() + " [" + d.spec() + "] " + d.span().line() + ":" + d.span().column() + " "
                        + d.source() + " " + d.section())
                .toList();
    }

    /** Every span cuts exactly its spec out of the text and agrees with {@link Span#of}; the fixed fields are npm's. */
    static void assertSpansExact(String text, Manifest manifest) {
        for (Dependency d : manifest.dependencies()) {
            Span span = d.span();
            assertEquals(d.spec(), text.substring(span.start(), span.end()), () -> "cut at the span of " + d);
            assertEquals(Span.of(text, span.start(), span.end()), span, () -> "line and column of " + d);
            assertEquals(Ecosystem.NPM, d.ecosystem());
            assertEquals(SpecSyntax.NPM, d.syntax());
            assertEquals(manifest.path(), d.manifest());
            assertEquals("", d.property());
        }
        for (Manifest.Include include : manifest.includes()) {
            Span span = include.span();
            assertEquals(Span.of(text, span.start(), span.end()), span, () -> "line and column of " + include);
        }
    }

    static Path fixture(String name) {
        try {
            return Path.of(PackageJsonReaderTest.class.getResource("/manifest/npm/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Path path) throws IOException {
        return Files.readString(path, StandardCharsets.UTF_8);
    }

    private static Manifest readClean(Path path, String text) {
        Manifest manifest = READER.read(path, text);
        assertEquals(List.of(), manifest.problems());
        assertSpansExact(text, manifest);
        return manifest;
    }

    private static final List<String> SECTIONS = List.of(
            "express [^4.18.2] 5:17 REGISTRY dependencies",
            "@types/node [~20.11.0] 6:21 REGISTRY dependencies",
            "lodash [>=4.17.0 <5] 7:16 REGISTRY dependencies",
            "left-pad [] 8:18 REGISTRY dependencies",
            "react [latest] 9:15 REGISTRY dependencies",
            "@acme/cli [^1.2.0] 10:27 REGISTRY dependencies",
            "new-name [] 11:17 REGISTRY dependencies",
            "yarn-range [^3.1.0] 12:24 REGISTRY dependencies",
            "vendored [./vendor/\u00fcn\u00ef] 13:18 LOCAL dependencies",
            "local [file:../local] 14:15 LOCAL dependencies",
            "linked [link:./linked] 15:16 LOCAL dependencies",
            "rel [./rel] 16:13 LOCAL dependencies",
            "home [~/pkg] 17:14 LOCAL dependencies",
            "abs [/opt/pkg] 18:13 LOCAL dependencies",
            "tarball [thing-1.0.0.tgz] 19:17 LOCAL dependencies",
            "deep [deep/dir/x] 20:14 LOCAL dependencies",
            "sibling [workspace:*] 21:17 LOCAL dependencies",
            "sibling2 [workspace:^] 22:18 LOCAL dependencies",
            "git1 [git+https://github.com/a/b.git#v1.0.0] 23:14 URL dependencies",
            "git2 [git://github.com/a/b.git] 24:14 URL dependencies",
            "gh [github:a/b] 25:12 URL dependencies",
            "gl [gitlab:a/b#main] 26:12 URL dependencies",
            "bb [bitbucket:a/b] 27:12 URL dependencies",
            "short [user/repo#semver:^1.0] 28:15 URL dependencies",
            "scp [git@github.com:a/b.git] 29:13 URL dependencies",
            "remote [https://example.com/pkg-1.0.0.tgz] 30:16 URL dependencies",
            "cat [catalog:] 31:13 MANAGED dependencies",
            "cat2 [catalog:react18] 32:14 MANAGED dependencies",
            "typescript [5.4.x] 35:20 REGISTRY devDependencies",
            "esc-path [file:..\\/esc] 36:18 LOCAL devDependencies",
            "fsevents [^2.3.3] 38:41 REGISTRY optionalDependencies",
            "react-dom [^18.0.0 || ^19.0.0] 39:67 REGISTRY peerDependencies",
            "semver [7.5.4] 42:16 REGISTRY overrides",
            "glob [7.2.3] 44:13 REGISTRY overrides",
            "minimatch [3.1.2] 45:21 REGISTRY overrides.glob@^7",
            "inner [$express] 47:19 MANAGED overrides.glob@^7.@scope/deep",
            "express [$express] 50:17 MANAGED overrides",
            "star [] 51:20 REGISTRY overrides",
            "debug [4.3.4] 54:18 REGISTRY resolutions",
            "terser [^5.0.0] 55:24 REGISTRY resolutions",
            "@babel/parser [7.24.0] 56:35 REGISTRY resolutions",
            "lru-cache [patch:lru-cache@npm:10.4.3#./.yarn/patches/lru.patch] 57:27 LOCAL resolutions",
            "other [2.0.0] 58:25 REGISTRY resolutions");

    @Test
    void readsEverySectionOverridesResolutionsAliasesAndNonRegistrySpecs() throws IOException {
        Path path = fixture("sections.json");
        Manifest manifest = readClean(path, text(path));

        assertEquals(SECTIONS, render(manifest));
        assertEquals(List.of(), manifest.includes());
    }

    @Test
    void aDependencyIsDeclaredAtItsKeyEvenWhenItsSpecIsElsewhere() throws IOException {
        Path path = fixture("sections.json");
        Manifest manifest = readClean(path, text(path));

        assertEquals(new Location(path, 10, 6), find(manifest, "@acme/cli").declaredAt());
        assertEquals(new Location(path, 5, 6), find(manifest, "express").declaredAt());
        assertEquals(new Location(path, 43, 6), find(manifest, "glob").declaredAt());
        assertEquals(new Location(path, 57, 6), find(manifest, "lru-cache").declaredAt());
        assertEquals(new Location(path, 39, 54), find(manifest, "react-dom").declaredAt());
    }

    private static Dependency find(Manifest manifest, String name) {
        return manifest.dependencies().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void crlfLineEndingsGiveTheSameDependenciesAtTheSameLinesAndColumns() throws IOException {
        Path path = fixture("sections.json");
        String crlf = text(path).replace("\n", "\r\n");
        Manifest manifest = readClean(path, crlf);

        assertEquals(SECTIONS, render(manifest));
        assertEquals(crlf.indexOf("^4.18.2"), find(manifest, "express").span().start());
    }

    @Test
    void aByteOrderMarkIsAProblemAtTheFirstCharacterAndTheRestIsStillRead() {
        String text = "\uFEFF{\"dependencies\": {\"a\": \"^1.0.0\"}}";
        Manifest manifest = READER.read(FILE, text);

        assertEquals(List.of(new Problem(new Location(FILE, 1, 1), "byte order mark at start of package.json")),
                manifest.problems());
        assertEquals(List.of("a [^1.0.0] 1:26 REGISTRY dependencies"), render(manifest));
        assertSpansExact(text, manifest);
    }

    @Test
    void anEmptyObjectAndAFileWithoutDependencySectionsHaveNoDependencies() {
        assertEquals(List.of(), readClean(FILE, "{}").dependencies());
        assertEquals(List.of(), readClean(FILE, " {\"name\": \"x\", \"dependencies\": {}} \n").dependencies());
    }

    static List<Arguments> malformed() {
        return List.of(
                Arguments.of("trailing comma in an object", "{\n  \"dependencies\": {\n    \"a\": \"1\",\n  }\n}",
                        "3:13: trailing comma: JSON allows no ',' before '}'"),
                Arguments.of("trailing comma in an array", "{\"workspaces\": [\"a\",]}",
                        "1:20: trailing comma: JSON allows no ',' before ']'"),
                Arguments.of("duplicate key", "{\n  \"dependencies\": {\"a\": \"1\"},\n  \"dependencies\": {}\n}",
                        "3:3: duplicate key \"dependencies\" in the same object"),
                Arguments.of("duplicate dependency", "{\"dependencies\": {\"a\": \"1\", \"a\": \"2\"}}",
                        "1:29: duplicate key \"a\" in the same object"),
                Arguments.of("line comment", "{\n  // deps\n  \"a\": 1\n}", "2:3: comments are not allowed in JSON"),
                Arguments.of("block comment", "{\"a\": 1 /* x */}", "1:9: comments are not allowed in JSON"),
                Arguments.of("string cut by a newline", "{\n  \"dependencies\": {\n    \"a\": \"^1.0\n  }\n}",
                        "3:10: unterminated string (a string cannot span lines)"),
                Arguments.of("string cut by the end", "{\"a\": \"x", "1:7: unterminated string"),
                Arguments.of("top-level array", "[1, 2]", "1:1: package.json must hold a JSON object, found an array"),
                Arguments.of("top-level string", "\n \"x\"", "2:2: package.json must hold a JSON object, found a string"),
                Arguments.of("single quotes", "{'a': 1}", "1:2: strings must be in double quotes"),
                Arguments.of("unquoted key", "{a: 1}", "1:2: expected a key in double quotes, found 'a'"),
                Arguments.of("missing comma", "{\"a\": \"1\" \"b\": \"2\"}",
                        "1:11: expected ',' or '}' after an object member, found '\"'"),
                Arguments.of("missing colon", "{\"a\" 1}", "1:6: expected ':' after the key \"a\", found '1'"),
                Arguments.of("unclosed object", "{\"a\": 1", "1:8: expected ',' or '}' after an object member, found end of file"),
                Arguments.of("bad escape", "{\"a\": \"\\x\"}", "1:8: invalid escape '\\x' in a string"),
                Arguments.of("bad unicode escape", "{\"a\": \"\\u12G4\"}",
                        "1:8: invalid \\u escape: expected four hexadecimal digits"),
                Arguments.of("raw tab in a string", "{\"a\": \"x\ty\"}",
                        "1:9: control character U+0009 must be escaped in a string"),
                Arguments.of("leading zero", "{\"a\": 01}", "1:8: invalid number: no leading zeros allowed"),
                Arguments.of("fraction without digits", "{\"a\": 1.}", "1:9: invalid number: expected a digit after '.', found '}'"),
                Arguments.of("NaN", "{\"a\": NaN}", "1:7: unexpected 'NaN': expected a JSON value"),
                Arguments.of("empty file", "", "1:1: unexpected end of file: expected a JSON value"),
                Arguments.of("only whitespace", "\n\n", "3:1: unexpected end of file: expected a JSON value"),
                Arguments.of("a second value", "{}\n{}", "2:1: unexpected '{' after the end of the JSON value"),
                Arguments.of("trailing comma after CRLF lines", "{\r\n  \"a\": 1,\r\n}",
                        "2:9: trailing comma: JSON allows no ',' before '}'"),
                Arguments.of("nesting too deep", "{\"a\": " + "[".repeat(600),
                        "1:518: nested deeper than 512 levels"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedJsonIsOneProblemAtTheCharacterAtFaultAndNoDependencies(String what, String text, String expected) {
        Manifest manifest = READER.read(FILE, text);

        assertEquals(List.of("package.json:" + expected), manifest.problems().stream().map(Problem::oneLine).toList());
        assertEquals(List.of(), manifest.dependencies());
        assertEquals(List.of(), manifest.includes());
    }

    @Test
    void badEntriesAreProblemsAtTheirPlaceWhileTheOthersAreRead() {
        String text = String.join("\n",
                "{",
                "  \"dependencies\": {",
                "    \"ok\": \"^1.0.0\",",
                "    \"\u00fcn\u00ef\": \"1.0.0\",",
                "    \"num\": 1,",
                "    \"esc\": \"\\u005e1.0.0\",",
                "    \"bad-alias\": \"npm:foo@git+https://x/y.git\",",
                "    \"nested\": \"npm:npm:foo@1\",",
                "    \"badname\": \"npm:.foo@1\"",
                "  },",
                "  \"devDependencies\": [],",
                "  \"overrides\": {\"@\": \"1.0.0\", \"x\": 5, \"y\": {\".\": null}},",
                "  \"resolutions\": {\"**\": \"1.0.0\", \"z\": \"2\"},",
                "  \"workspaces\": \"packages/*\",",
                "  \"peerDependencies\": {\"last\": \"^2\"}",
                "}");
        Manifest manifest = READER.read(FILE, text);

        assertEquals(List.of(
                "package.json:4:6: in dependencies: invalid package name '\u00fcn\u00ef'",
                "package.json:5:12: in dependencies: the spec of num must be a string, found a number",
                "package.json:6:13: in dependencies: the version spec of esc is written with JSON escapes;"
                        + " write it plainly so it can be located",
                "package.json:7:27: in dependencies: bad-alias: an npm: alias must name a registry version,"
                        + " not 'git+https://x/y.git'",
                "package.json:8:20: in dependencies: nested: npm: aliases cannot be nested",
                "package.json:9:21: in dependencies: badname: npm: alias of an invalid package name '.foo'",
                "package.json:11:22: devDependencies must be an object, found an array",
                "package.json:12:18: in overrides: invalid package name in override '@'",
                "package.json:12:36: in overrides: the spec of x must be a string, found a number",
                "package.json:12:50: in overrides: the spec of y must be a string, found null",
                "package.json:13:20: in resolutions: no package name in '**'",
                "package.json:14:17: workspaces must be an array of patterns, found a string"),
                manifest.problems().stream().map(Problem::oneLine).toList());
        assertEquals(List.of(
                "ok [^1.0.0] 3:12 REGISTRY dependencies",
                "z [2] 13:40 REGISTRY resolutions",
                "last [^2] 15:33 REGISTRY peerDependencies"), render(manifest));
        assertSpansExact(text, manifest);
    }

    @Test
    void aUrlOrPathWrittenWithEscapesKeepsItsRawTextAsTheSpec() {
        String text = "{\"dependencies\": {\"win\": \"file:..\\\\lib\", \"u\": \"https://h/\\u0061.tgz\"}}";
        Manifest manifest = readClean(FILE, text);

        assertEquals(List.of(
                "win [file:..\\\\lib] 1:27 LOCAL dependencies",
                "u [https://h/\\u0061.tgz] 1:48 URL dependencies"), render(manifest));
    }

    @Test
    void workspacesAreIncludesOfEveryMemberWithAPackageJson() throws IOException {
        Path path = fixture("workspace/package.json");
        String text = text(path);
        Manifest manifest = readClean(path, text);
        Path root = path.getParent();

        // the members @npmcli/map-workspaces (npm 11) finds for this tree, in its order
        assertEquals(List.of(
                new Manifest.Include(root.resolve("packages/a/package.json"), false, Span.of(text, 62, 72)),
                new Manifest.Include(root.resolve("packages/b/package.json"), false, Span.of(text, 62, 72)),
                new Manifest.Include(root.resolve("tools/lint/package.json"), false, Span.of(text, 106, 114)),
                new Manifest.Include(root.resolve("tools/lint/nested/package.json"), false, Span.of(text, 106, 114)),
                new Manifest.Include(root.resolve("apps/web/package.json"), false, Span.of(text, 122, 130))),
                manifest.includes());
        assertEquals("packages/*", text.substring(62, 72));
        assertEquals("tools/**", text.substring(106, 114));
        assertEquals("apps/web", text.substring(122, 130));
        assertEquals(List.of("turbo [^2.0.0] 12:15 REGISTRY devDependencies"), render(manifest));

        Path member = root.resolve("packages/b/package.json");
        assertEquals(List.of("@ws/a [workspace:*] 4:15 LOCAL dependencies"), render(readClean(member, text(member))));
    }

    @Test
    void yarnsWorkspacesObjectListsItsPatternsUnderPackages() throws IOException {
        Path path = fixture("workspace/package.json");
        String text = "{\"workspaces\": {\"packages\": [\"apps/*\", \".\"], \"nohoist\": [\"**/x\"]}}";
        Manifest manifest = readClean(path, text);

        assertEquals(List.of(new Manifest.Include(path.resolveSibling("apps/web/package.json"), false,
                Span.of(text, 30, 36))), manifest.includes());
        assertEquals(List.of(), readClean(path, "{\"workspaces\": {\"nohoist\": [\"**/x\"]}}").includes());
    }

    @Test
    void theSpansReadAreTheOnesTheEditorRewrites() throws IOException {
        Path path = fixture("sections.json");
        String text = text(path);
        Manifest manifest = readClean(path, text);

        ManifestEditor.Plan plan = ManifestEditor.plan(new ManifestEditor.FileEdits(path, text, READER, List.of(
                Edit.of(find(manifest, "@acme/cli"), ">=1.2.0 <2.0.0"),
                Edit.of(find(manifest, "left-pad"), "^1.3.0"),
                Edit.of(find(manifest, "react-dom"), "^18.3.1"))));

        assertTrue(plan.after().contains("\"cli\": \"npm:@acme/cli@>=1.2.0 <2.0.0\","));
        assertTrue(plan.after().contains("\"left-pad\": \"^1.3.0\","));
        assertTrue(plan.after().contains("\"ünïcødé \uD83D\uDE00\", \"peerDependencies\": {\"react-dom\": \"^18.3.1\"},"));
    }
}
