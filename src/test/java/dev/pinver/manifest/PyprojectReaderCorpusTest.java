package dev.pinver.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.Corpus;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pyproject.toml of the shared corpus, and specific dependencies of several of them. */
class PyprojectReaderCorpusTest {

    private static final PyprojectReader READER = new PyprojectReader();

    static Stream<Path> tomlFiles() {
        return Corpus.files("manifests/python").stream().filter(p -> p.getFileName().toString().endsWith(".toml"));
    }

    private static Manifest read(Path file) {
        return READER.read(file, SourceText.read(file));
    }

    private static Manifest read(String name) {
        return read(Corpus.file("manifests/python/" + name));
    }

    /** The one dependency rendered as {@code name [spec] line:col SYNTAX SOURCE section} in {@code section}. */
    private static List<String> rendered(Manifest manifest, String section) {
        return PyprojectReaderTest.render(manifest).stream().filter(r -> r.endsWith(" " + section)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tomlFiles")
    void readsEveryCorpusFileWithExactSpans(Path file) {
        String text = SourceText.read(file);
        Manifest manifest = READER.read(file, text);
        assertEquals(List.of(), manifest.problems());
        assertFalse(manifest.dependencies().isEmpty(), "no dependencies read");
        PyprojectReaderTest.assertSpansExact(text, manifest);
        assertTrue(manifest.dependencies().stream().noneMatch(d -> d.name().equals("python")));
    }

    @Test
    void fastapiPep621OptionalAndDependencyGroups() {
        Manifest manifest = read("fastapi__fastapi__pyproject.toml");
        assertEquals(List.of(
                "starlette [>=0.46.0] 45:15 PEP440 REGISTRY project.dependencies",
                "pydantic [>=2.9.0] 46:14 PEP440 REGISTRY project.dependencies",
                "typing-extensions [>=4.8.0] 47:23 PEP440 REGISTRY project.dependencies",
                "typing-inspection [>=0.4.2] 48:23 PEP440 REGISTRY project.dependencies",
                "annotated-doc [>=0.0.2] 49:19 PEP440 REGISTRY project.dependencies"),
                rendered(manifest, "project.dependencies"));
        List<String> standard = rendered(manifest, "project.optional-dependencies.standard");
        assertEquals(9, standard.size());
        assertEquals("fastapi-cli [>=0.0.32] 61:28 PEP440 REGISTRY project.optional-dependencies.standard", standard.get(0));
        assertEquals("fastar [>= 0.9.0] 62:13 PEP440 REGISTRY project.optional-dependencies.standard", standard.get(1));
        assertEquals(List.of(
                "playwright [>=1.57.0] 127:17 PEP440 REGISTRY dependency-groups.dev",
                "prek [>=0.2.22] 128:11 PEP440 REGISTRY dependency-groups.dev",
                "zizmor [>=1.23.1] 129:13 PEP440 REGISTRY dependency-groups.dev"),
                rendered(manifest, "dependency-groups.dev"));
        assertEquals(List.of(
                "httpx [>=0.23.0,<1.0.0] 148:12 PEP440 REGISTRY dependency-groups.docs-tests",
                "httpx2 [>=2.0.0] 149:12 PEP440 REGISTRY dependency-groups.docs-tests",
                "ruff [>=0.14.14] 150:11 PEP440 REGISTRY dependency-groups.docs-tests"),
                rendered(manifest, "dependency-groups.docs-tests"));
        assertEquals(80, manifest.dependencies().size());
    }

    @Test
    void poetryProjectWithGroupsAndTableForms() {
        Manifest manifest = read("python-poetry__poetry@d6881e31__pyproject.toml");
        List<String> main = rendered(manifest, "tool.poetry.dependencies");
        assertEquals(21, main.size());
        assertEquals("poetry-core [2.0.0] 34:16 POETRY REGISTRY tool.poetry.dependencies", main.get(0));
        assertTrue(main.contains("cachecontrol [^0.14.0] 36:29 POETRY REGISTRY tool.poetry.dependencies"));
        assertTrue(main.contains("importlib-metadata [>=4.4] 40:35 POETRY REGISTRY tool.poetry.dependencies"));
        assertTrue(main.contains("xattr [^1.0.0] 56:22 POETRY REGISTRY tool.poetry.dependencies"));
        assertEquals(List.of(
                "pre-commit [>=2.10] 59:15 POETRY REGISTRY tool.poetry.group.dev.dependencies",
                "setuptools [>=60] 63:27 POETRY REGISTRY tool.poetry.group.dev.dependencies"),
                rendered(manifest, "tool.poetry.group.dev.dependencies"));
        assertEquals(List.of("pytest-github-actions-annotate-failures [^0.1.7] 85:44 POETRY REGISTRY"
                        + " tool.poetry.group.github-actions.dependencies"),
                rendered(manifest, "tool.poetry.group.github-actions.dependencies"));
    }

    @Test
    void poetryMultipleConstraintsGitAndNormalisedNames() {
        Manifest aws = read("aws__aws-sdk-pandas@8208ece5__pyproject.toml");
        assertEquals(List.of(
                "numpy [>=1.26,<2.1.0] 36:18 POETRY REGISTRY tool.poetry.dependencies",
                "numpy [>=1.26,<3.0] 37:18 POETRY REGISTRY tool.poetry.dependencies"),
                PyprojectReaderTest.render(aws).stream().filter(r -> r.startsWith("numpy ")).toList());
        assertEquals(List.of(
                "pyarrow [>=18.0.0,<21.0.0] 40:18 POETRY REGISTRY tool.poetry.dependencies",
                "pyarrow [>=8.0.0,<18.0.0] 43:18 POETRY REGISTRY tool.poetry.dependencies"),
                PyprojectReaderTest.render(aws).stream().filter(r -> r.startsWith("pyarrow ")).toList());
        assertTrue(PyprojectReaderTest.render(aws)
                .contains("sparqlwrapper [^2.0.0] 60:30 POETRY REGISTRY tool.poetry.dependencies"));

        Manifest poetryup = read("MousaZeidBaker__poetryup__tests__unit__fixtures__input_pyproject__pyproject.toml");
        List<String> group = rendered(poetryup, "tool.poetry.group.main.dependencies");
        assertTrue(group.contains("poetryup-git [] 41:1 POETRY URL tool.poetry.group.main.dependencies"));
        assertTrue(group.contains("poetryup-capital [^0.1.0] 43:21 POETRY REGISTRY tool.poetry.group.main.dependencies"));
        assertTrue(group.contains("poetryup-multiple-requirements [>=0.1.0,<0.2.0] 35:35 POETRY REGISTRY"
                + " tool.poetry.group.main.dependencies"));
        assertEquals(18, poetryup.dependencies().size());
    }

    @Test
    void pdmDevDependenciesAndEscapedMarkers() {
        Manifest manifest = read("pdm-project__pdm@03eeec16__pyproject.toml");
        List<String> all = PyprojectReaderTest.render(manifest);
        assertTrue(all.contains("truststore [>=0.9] 31:16 PEP440 REGISTRY project.dependencies"));
        assertTrue(all.contains("httpx [<1,>0.20] 38:18 PEP440 REGISTRY project.dependencies"));
        assertEquals(List.of(
                "parver [>=0.3.1] 131:12 PEP440 REGISTRY tool.pdm.dev-dependencies.workflow",
                "towncrier [>=20] 132:15 PEP440 REGISTRY tool.pdm.dev-dependencies.workflow",
                "pycomplete [~=0.3] 133:16 PEP440 REGISTRY tool.pdm.dev-dependencies.workflow"),
                rendered(manifest, "tool.pdm.dev-dependencies.workflow"));
        assertEquals(5, rendered(manifest, "tool.pdm.dev-dependencies.test").size());
    }

    @Test
    void djangoDependencyGroupsWithIncludesAndADirectReference() {
        Manifest manifest = read("django__djangoproject.com__pyproject.toml");
        List<String> all = PyprojectReaderTest.render(manifest);
        assertTrue(all.contains("django-push [] 18:6 PEP440 URL project.dependencies"));
        assertEquals(List.of(
                "gunicorn [==26.0.0] 50:14 PEP440 REGISTRY dependency-groups.prod",
                "psycopg [==3.3.4] 51:16 PEP440 REGISTRY dependency-groups.prod",
                "redis [==8.1.0] 52:11 PEP440 REGISTRY dependency-groups.prod",
                "sentry-sdk [==2.66.1] 53:16 PEP440 REGISTRY dependency-groups.prod"),
                rendered(manifest, "dependency-groups.prod"));
        assertEquals(6, rendered(manifest, "dependency-groups.dev").size());
    }

    @Test
    void pydanticSingleQuotedRequirements() {
        Manifest manifest = read("pydantic__pydantic__pyproject.toml");
        assertEquals(List.of(
                "typing-extensions [>=4.15.0] 47:23 PEP440 REGISTRY project.dependencies",
                "annotated-types [>=0.6.0] 48:21 PEP440 REGISTRY project.dependencies",
                "pydantic-core [==2.48.0] 50:19 PEP440 REGISTRY project.dependencies",
                "typing-inspection [>=0.4.4] 51:23 PEP440 REGISTRY project.dependencies"),
                rendered(manifest, "project.dependencies"));
        assertEquals(List.of("tzdata [] 59:6 PEP440 REGISTRY project.optional-dependencies.timezone"),
                rendered(manifest, "project.optional-dependencies.timezone"));
    }
}
