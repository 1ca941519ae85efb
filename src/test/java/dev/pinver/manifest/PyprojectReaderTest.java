package dev.pinver.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;

class PyprojectReaderTest {

    private static final PyprojectReader READER = new PyprojectReader();

    /** Each dependency as {@code name [spec] line:column SYNTAX SOURCE section}. */
    static List<String> render(Manifest manifest) {
        return manifest.dependencies().stream()
                .map(d -> d.name() + " [" + d.spec() + "] " + d.reportedAt().line() + ":" + d.reportedAt().column() + " "
                        + d.syntax() + " " + d.source() + " " + d.section())
                .toList();
    }

    /** Every span cuts exactly its spec out of the text, and agrees with {@link Span#of}. */
    static void assertSpansExact(String text, Manifest manifest) {
        for (Dependency d : manifest.dependencies()) {
            Span span = d.span();
            assertEquals(d.spec(), text.substring(span.start(), span.end()), () -> "cut at the span of " + d);
            assertEquals(Span.of(text, span.start(), span.end()), span, () -> "line and column of " + d);
            assertEquals(Ecosystem.PYPI, d.ecosystem());
            assertEquals(manifest.path(), d.manifest());
        }
    }

    static Path fixture(String name) {
        try {
            return Path.of(PyprojectReaderTest.class.getResource("/manifest/pyproject/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Manifest readFixture(String name) throws IOException {
        Path path = fixture(name);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        Manifest manifest = READER.read(path, text);
        assertEquals(List.of(), manifest.problems());
        assertSpansExact(text, manifest);
        return manifest;
    }

    @Test
    void readsPep621Pep735UvAndPdmTablesInEveryQuotingStyle() throws IOException {
        assertEquals(List.of(
                "fastapi [>=0.45.0,<0.46.0] 5:13 PEP440 REGISTRY project.dependencies",
                "pydantic [>= 1.2] 6:15 PEP440 REGISTRY project.dependencies",
                "requests [] 8:6 PEP440 REGISTRY project.dependencies",
                "httpx [==0.27.*] 9:13 PEP440 REGISTRY project.dependencies",
                "click [~= 8.1] 10:27 PEP440 REGISTRY project.dependencies",
                "uvloop [>=0.15] 11:12 PEP440 REGISTRY project.dependencies",
                "name [==1.0] 12:15 PEP440 REGISTRY project.dependencies",
                "rich [>=13] 14:9 PEP440 REGISTRY project.dependencies",
                "clip [] 15:6 PEP440 URL project.dependencies",
                "local [] 16:6 PEP440 LOCAL project.dependencies",
                "zope-interface-extra [>=5,<7] 17:28 PEP440 REGISTRY project.dependencies",
                "mkdocs [>=1.5,<2] 21:25 PEP440 REGISTRY project.optional-dependencies.docs.site",
                "pytest [>=8] 22:17 PEP440 REGISTRY project.optional-dependencies.test",
                "pytest-cov [] 22:24 PEP440 REGISTRY project.optional-dependencies.test",
                "ruff [==0.4.1] 25:14 PEP440 REGISTRY dependency-groups.Lint",
                "mypy [>=1.8] 26:41 PEP440 REGISTRY dependency-groups.dev",
                "coverage [>=7] 29:30 PEP440 REGISTRY tool.uv.dev-dependencies",
                "click [] 33:59 PEP440 URL tool.pdm.dev-dependencies.editable",
                "sub [] 35:9 PEP440 LOCAL tool.pdm.dev-dependencies.editable",
                "sphinx [>=7] 37:16 PEP440 REGISTRY tool.pdm.dev-dependencies.docs"),
                render(readFixture("pep621.toml")));
    }

    @Test
    void readsPoetryStringsTablesArraysAndSources() throws IOException {
        assertEquals(List.of(
                "fastapi [^0.45] 6:12 POETRY REGISTRY tool.poetry.dependencies",
                "starlette [~0.27] 7:14 POETRY REGISTRY tool.poetry.dependencies",
                "anyio [*] 8:10 POETRY REGISTRY tool.poetry.dependencies",
                "httpx [>=0.25,<1] 9:10 POETRY REGISTRY tool.poetry.dependencies",
                "uvicorn [^0.23] 10:24 POETRY REGISTRY tool.poetry.dependencies",
                "pydantic [^2.4] 11:26 POETRY REGISTRY tool.poetry.dependencies",
                "numpy [<1.25] 13:18 POETRY REGISTRY tool.poetry.dependencies",
                "numpy [^1.26] 15:18 POETRY REGISTRY tool.poetry.dependencies",
                "mylib [] 17:1 POETRY LOCAL tool.poetry.dependencies",
                "forked [] 18:1 POETRY URL tool.poetry.dependencies",
                "wheel-dep [] 19:1 POETRY URL tool.poetry.dependencies",
                "weird-name [>=1.0] 20:17 POETRY REGISTRY tool.poetry.dependencies",
                "emails [] 21:1 POETRY REGISTRY tool.poetry.dependencies",
                "emoji [^2.8] 22:39 POETRY REGISTRY tool.poetry.dependencies",
                "sqlalchemy [^2.0] 25:12 POETRY REGISTRY tool.poetry.dependencies",
                "psycopg [^3.1] 29:12 POETRY REGISTRY tool.poetry.dependencies",
                "psycopg [^2.9] 33:12 POETRY REGISTRY tool.poetry.dependencies",
                "black [^23.1] 37:10 POETRY REGISTRY tool.poetry.dev-dependencies",
                "pytest [^7.4] 40:11 POETRY REGISTRY tool.poetry.group.test.dependencies",
                "mkdocs [^1.5] 46:13 POETRY REGISTRY tool.poetry.group.docs.dependencies",
                "my-theme [] 48:39 POETRY URL tool.poetry.group.docs.dependencies"),
                render(readFixture("poetry.toml")));
    }

    @Test
    void readsDottedAndQuotedKeys() throws IOException {
        assertEquals(List.of(
                "anyio [>=4] 2:31 PEP440 REGISTRY project.dependencies",
                "trio [>=0.25] 3:57 PEP440 REGISTRY project.optional-dependencies.extra.one",
                "requests [^2.31] 4:38 POETRY REGISTRY tool.poetry.dependencies",
                "typing-extensions [~4.8] 5:57 POETRY REGISTRY tool.poetry.dependencies",
                "zope-interface [] 6:27 POETRY URL tool.poetry.dependencies",
                "dev [] 7:43 POETRY LOCAL tool.poetry.group.dev.dependencies"),
                render(readFixture("dotted.toml")));
    }

    @Test
    void readsCrlfLineEndings() throws IOException {
        Manifest manifest = readFixture("crlf.toml");
        assertEquals(List.of(
                "fastapi [>=0.45.0,<0.46.0] 4:13 PEP440 REGISTRY project.dependencies",
                "uvicorn [>=0.23] 6:8 PEP440 REGISTRY project.dependencies",
                "httpx [] 8:1 PEP440 REGISTRY project.dependencies",
                "requests [^2.31] 12:13 POETRY REGISTRY tool.poetry.dependencies",
                "rich [~13.7] 13:21 POETRY REGISTRY tool.poetry.dependencies"),
                render(manifest));
        assertEquals(56, manifest.dependencies().get(0).span().start());
    }

    @Test
    void crlfAndLfCopiesOfAFileGiveTheSameLinesAndColumns() throws IOException {
        String lf = Files.readString(fixture("pep621.toml"), StandardCharsets.UTF_8);
        String crlf = lf.replace("\n", "\r\n");
        Manifest manifest = READER.read(Path.of("pyproject.toml"), crlf);
        assertEquals(List.of(), manifest.problems());
        assertSpansExact(crlf, manifest);
        assertEquals(render(READER.read(Path.of("pyproject.toml"), lf)), render(manifest));
    }

    static List<Arguments> badInput() {
        return List.of(
                Arguments.of("unterminated string",
                        "[project]\ndependencies = [\n  \"fastapi>=1.0,\n]\n",
                        List.of("3:17 invalid TOML: Unexpected end of line, expected \" or a character"), List.of()),
                Arguments.of("syntax error after an astral character, column counted in chars",
                        "[project]\ndependencies = [\"a\"]\nx = \"\uD83D\uDE00\" \"y\"\n",
                        List.of("3:10 invalid TOML: Unexpected \", expected a newline or end-of-input"), List.of()),
                Arguments.of("dependencies not an array",
                        "[project]\ndependencies = \"fastapi\"\n",
                        List.of("2:16 in project.dependencies: expected an array, found a string"), List.of()),
                Arguments.of("project not a table",
                        "project = 1\n[tool.poetry.dependencies]\nx = \"^1\"\n",
                        List.of("1:11 in project: expected a table, found an integer"), List.of("x")),
                Arguments.of("a number among requirements; the others are still read",
                        "[project]\ndependencies = [\"a>=1\", 42, \"b<2\"]\n",
                        List.of("2:25 in project.dependencies: expected a requirement string, found an integer"),
                        List.of("a", "b")),
                Arguments.of("invalid PEP 508 at the exact character",
                        "[project]\ndependencies = [\"fastapi>=>1\", \"ok\"]\n",
                        List.of("2:25 in project.dependencies: invalid requirement: unknown version operator '>=>'"
                                + " (expected one of <= < != == >= > ~= ===)"),
                        List.of("ok")),
                Arguments.of("invalid PEP 508 after an escape, mapped through it",
                        "[project.optional-dependencies]\nx = [\"\\u0066astapi >= 1 ;; x\"]\n",
                        List.of("2:26 in project.optional-dependencies.x: invalid requirement: "
                                + "expected a marker variable or a quoted string, found ';'"),
                        List.of()),
                Arguments.of("escape inside the spec",
                        "[project]\ndependencies = [\"fastapi>=0.4\\u0035\"]\n",
                        List.of("2:25 in project.dependencies: the version spec of fastapi is written with TOML"
                                + " escapes; write it plainly so it can be located"),
                        List.of()),
                Arguments.of("optional-dependencies group not an array",
                        "[project.optional-dependencies]\ndev = { a = 1 }\n",
                        List.of("2:7 in project.optional-dependencies.dev: expected an array, found a table"), List.of()),
                Arguments.of("include-group naming no group",
                        "[dependency-groups]\ndev = [{include-group = \"tests\"}, \"a\"]\n",
                        List.of("2:25 include-group \"tests\" names no group in [dependency-groups]"), List.of("a")),
                Arguments.of("include-group cycle",
                        "[dependency-groups]\na = [{include-group = \"b\"}]\nb = [{include-group = \"A\"}]\n",
                        List.of("3:23 include-group \"A\" makes a cycle of included groups"), List.of()),
                Arguments.of("table in a dependency group that is not an include",
                        "[dependency-groups]\ndev = [{include-group = \"dev\", extra = 1}]\n",
                        List.of("2:8 in dependency-groups.dev: a table entry must be exactly {include-group = \"<group>\"}"),
                        List.of()),
                Arguments.of("include-group not a string",
                        "[dependency-groups]\ndev = [{include-group = 3}]\n",
                        List.of("2:25 in dependency-groups.dev include-group: expected a group name string, found an integer"),
                        List.of()),
                Arguments.of("poetry: a number, a bad version type, a string in a constraints array",
                        "[tool.poetry.dependencies]\npython = \"^3.9\"\nx = 1\ny = { version = 2 }\nz = [\"^1\"]\nok = \"^1\"\n",
                        List.of("3:5 in tool.poetry.dependencies.x: expected a version string, a table or an array of tables, found an integer",
                                "4:17 in tool.poetry.dependencies.y.version: expected a string, found an integer",
                                "5:6 in tool.poetry.dependencies.z: expected a constraint table, found a string"),
                        List.of("ok")),
                Arguments.of("poetry: wrong option types",
                        "[tool.poetry.dependencies]\nx = { version = \"^1\", optional = \"yes\", extras = [1] }\n",
                        List.of("2:34 in tool.poetry.dependencies.x.optional: expected a boolean, found a string",
                                "2:50 in tool.poetry.dependencies.x.extras: expected an array of strings, found an array"),
                        List.of()),
                Arguments.of("poetry: escape inside the version",
                        "[tool.poetry.dependencies]\nx = \"^1.\\u0030\"\n",
                        List.of("2:6 in tool.poetry.dependencies: the version spec of x is written with TOML escapes;"
                                + " write it plainly so it can be located"),
                        List.of()),
                Arguments.of("poetry group not a table",
                        "[tool.poetry]\ngroup = []\n",
                        List.of("2:9 in tool.poetry.group: expected a table, found an array"), List.of()),
                Arguments.of("uv dev-dependencies not an array",
                        "[tool.uv]\ndev-dependencies = \"a\"\n",
                        List.of("2:20 in tool.uv.dev-dependencies: expected an array, found a string"), List.of()),
                Arguments.of("a group that is a table tomlj made implicitly, which has no position: the file's start",
                        "[dependency-groups.dev.x]\ny = 1\n",
                        List.of("1:1 in dependency-groups.dev: expected an array, found a table"), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void reportsBadInputWithExactLocations(String title, String text, List<String> problems, List<String> names) {
        Path path = Path.of("pyproject.toml");
        Manifest manifest = READER.read(path, text);
        assertEquals(problems, manifest.problems().stream()
                .map(p -> p.location().line() + ":" + p.location().column() + " " + p.message())
                .toList());
        manifest.problems().forEach(p -> assertEquals(path, p.location().file()));
        assertEquals(names, manifest.dependencies().stream().map(Dependency::name).toList());
        assertSpansExact(text, manifest);
    }

    @Test
    void aSyntaxErrorYieldsNoDependenciesAtAll() {
        Manifest manifest = READER.read(Path.of("pyproject.toml"),
                "[project]\ndependencies = [\"fastapi>=1\"]\n[project]\n");
        assertEquals(List.of(), manifest.dependencies());
        assertEquals(1, manifest.problems().size());
        assertTrue(manifest.problems().get(0).message().startsWith("invalid TOML: "));
        assertEquals(3, manifest.problems().get(0).location().line());
    }
}
