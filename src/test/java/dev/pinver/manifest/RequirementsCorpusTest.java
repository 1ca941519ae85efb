package dev.pinver.manifest;

import dev.pinver.Location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.Corpus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every requirements file of the shared corpus reads cleanly, with spans that cut each spec out of the file. */
class RequirementsCorpusTest {

    private static final String DIR = "manifests/python";

    /**
     * Dependencies and includes per file, counted independently of the reader (grep over non-comment,
     * non-option lines plus -e lines; -r/-c lines with a local target).
     */
    private static final Map<String, int[]> COUNTS = new TreeMap<>(Map.ofEntries(
            Map.entry("Stability-AI__generative-models__requirements__pt13.txt", new int[] {39, 0}),
            Map.entry("aio-libs__aiohttp__requirements__base.txt", new int[] {20, 0}),
            Map.entry("django__djangoproject.com@fcf3a28b__requirements__dev.txt", new int[] {5, 1}),
            Map.entry("django__djangoproject.com__requirements__common.txt", new int[] {26, 0}),
            Map.entry("django__djangoproject.com__requirements__prod.txt", new int[] {55, 0}),
            Map.entry("encode__httpx__requirements.txt", new int[] {16, 0}),
            Map.entry("encode__starlette__requirements.txt", new int[] {16, 0}),
            Map.entry("encode__uvicorn__requirements.txt", new int[] {24, 0}),
            Map.entry("explosion__spaCy__requirements.txt", new int[] {34, 0}),
            Map.entry("fastapi__fastapi__requirements-docs-tests.txt", new int[] {2, 0}),
            Map.entry("fastapi__fastapi__requirements-docs.txt", new int[] {16, 1}),
            Map.entry("fastapi__fastapi__requirements-tests.txt", new int[] {16, 1}),
            Map.entry("fastapi__fastapi__requirements.txt", new int[] {3, 3}),
            Map.entry("google-deepmind__alphafold__requirements.txt", new int[] {13, 0}),
            Map.entry("openedx__edx-django-utils__requirements__constraints.txt", new int[] {3, 0}),
            Map.entry("openedx__edx-django-utils__requirements__test.txt", new int[] {33, 0}),
            Map.entry("pypi__warehouse__requirements.txt", new int[] {0, 7}),
            Map.entry("pypi__warehouse__requirements__deploy.txt", new int[] {8, 0}),
            Map.entry("tloen__alpaca-lora__requirements.txt", new int[] {12, 0}),
            Map.entry("aio-libs__aiohttp__requirements__base.in", new int[] {3, 1}),
            Map.entry("aio-libs__aiohttp__requirements__dev.in", new int[] {1, 3}),
            Map.entry("aio-libs__aiohttp__requirements__runtime-deps.in", new int[] {13, 0}),
            Map.entry("openedx__edx-django-utils__requirements__base.in", new int[] {7, 1}),
            Map.entry("openedx__edx-django-utils__requirements__test.in", new int[] {8, 2}),
            Map.entry("pydantic__pydantic__.github__pyodide__requirements.in", new int[] {18, 0}),
            Map.entry("pypi__warehouse__requirements__main.in", new int[] {79, 0})));

    private static Manifest read(String fileName) {
        Path file = Corpus.file(DIR + "/" + fileName);
        return new RequirementsReader().read(file, SourceText.read(file));
    }

    private static Dependency named(Manifest m, String name) {
        return m.dependencies().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + m.path()));
    }

    @Test
    void everyRequirementsFileReadsWithoutProblemsAndExactSpans() {
        List<Path> files = Corpus.files(DIR).stream()
                .filter(p -> p.getFileName().toString().endsWith(".txt") || p.getFileName().toString().endsWith(".in"))
                .toList();
        assertEquals(COUNTS.keySet(), new java.util.TreeSet<>(files.stream().map(p -> p.getFileName().toString()).toList()),
                "the corpus changed: update the expected counts");
        for (Path file : files) {
            String text = SourceText.read(file);
            Manifest m = new RequirementsReader().read(file, text);
            String name = file.getFileName().toString();
            assertEquals(List.of(), m.problems(), name);
            RequirementsReaderTest.assertSpansExact(text, m);
            for (Dependency d : m.dependencies()) {
                String at = name + ": " + d;
                if (d.spec().isEmpty()) {
                    // reports point at the name (or where an unnamed requirement's location starts); a
                    // registry requirement's empty span sits right after its name and extras, where pin inserts
                    Location named = d.reportedAt();
                    String line = text.lines().skip(named.line() - 1).findFirst().orElseThrow();
                    assertFalse(Character.isWhitespace(line.charAt(named.column() - 1)), at);
                    char before = text.charAt(d.span().start() - 1);
                    assertTrue(d.source() != Source.REGISTRY || Character.isLetterOrDigit(before) || before == ']', at);
                } else {
                    assertTrue("<>=!~".indexOf(text.charAt(d.span().start())) >= 0, at);
                }
            }
            assertEquals(COUNTS.get(name)[0], m.dependencies().size(), name);
            assertEquals(COUNTS.get(name)[1], m.includes().size(), name);
        }
    }

    @Test
    void editablesAndIncludesOfFastapi() {
        Manifest m = read("fastapi__fastapi__requirements.txt");
        Dependency editable = m.dependencies().get(0);
        assertEquals(".", editable.name());
        assertEquals(Source.LOCAL, editable.source());
        assertEquals(1, editable.span().line());
        assertEquals(4, editable.span().column());
        Path dir = m.path().getParent();
        assertEquals(List.of(dir.resolve("requirements-tests.txt"), dir.resolve("requirements-docs.txt"),
                        dir.resolve("requirements-translations.txt")),
                m.includes().stream().map(Manifest.Include::target).toList());
        assertTrue(m.includes().stream().noneMatch(Manifest.Include::constraint));
        assertEquals("", named(m, "playwright").spec());
    }

    @Test
    void urlRequirementsAreReportedAsSuch() {
        Manifest alpaca = read("tloen__alpaca-lora__requirements.txt");
        Dependency peft = named(alpaca, "git+https://github.com/huggingface/peft.git");
        assertEquals(Source.URL, peft.source());
        assertEquals(9, peft.span().line());
        assertEquals(Source.REGISTRY, named(alpaca, "black").source());
        assertEquals(2, alpaca.dependencies().stream().filter(d -> d.name().equals("black")).count());

        Manifest stability = read("Stability-AI__generative-models__requirements__pt13.txt");
        assertEquals(Source.URL, named(stability, "clip").source());
        assertEquals("==1.13.1+cu117", named(stability, "torch").spec());
        assertEquals("<1.27,>=1.25.4", named(stability, "urllib3").spec());
        assertEquals("==0.0.16", named(stability, "xformers").spec());

        Manifest django = read("django__djangoproject.com__requirements__common.txt");
        Dependency push = named(django, "django-push");
        assertEquals(Source.URL, push.source());
        assertEquals("", push.spec());
        assertEquals(7, push.span().line());
        assertEquals(1, push.span().column());
        assertEquals(1, django.dependencies().stream().filter(d -> d.source() != Source.REGISTRY).count());
    }

    @Test
    void editableExtrasAreStrippedFromTheLocation() {
        Manifest httpx = read("encode__httpx__requirements.txt");
        Dependency editable = httpx.dependencies().get(0);
        assertEquals(".", editable.name());
        assertEquals(Source.LOCAL, editable.source());
        assertEquals(5, editable.span().line());
        assertEquals(Source.REGISTRY, named(httpx, "coverage").source());
        assertEquals("==7.10.6", named(httpx, "coverage").spec());
    }

    @Test
    void hashedPipCompileOutput() {
        Manifest deploy = read("pypi__warehouse__requirements__deploy.txt");
        assertTrue(deploy.dependencies().stream().allMatch(Dependency::hashed));
        Dependency ddtrace = named(deploy, "ddtrace");
        assertEquals("==4.10.5", ddtrace.spec());
        assertEquals(11, ddtrace.span().line());
        assertEquals(8, ddtrace.span().column());
        assertFalse(read("aio-libs__aiohttp__requirements__base.txt").dependencies().stream().anyMatch(Dependency::hashed));
    }

    @Test
    void specsWithSpacesMarkersAndComments() {
        Manifest tests = read("fastapi__fastapi__requirements-tests.txt");
        assertEquals(">= 6.5.0,< 8.0", named(tests, "coverage").spec());
        assertEquals(">=7.1.3,<9.0.0", named(tests, "pytest").spec());
        assertEquals("==5.10.0.20240515", named(tests, "types-ujson").spec());

        Manifest runtime = read("aio-libs__aiohttp__requirements__runtime-deps.in");
        assertEquals(">= 4.0, < 6.0", named(runtime, "async-timeout").spec());
        assertEquals("", named(runtime, "backports-zstd").spec());
        assertEquals(">= 1.2", named(runtime, "brotli").spec());
        assertEquals(">= 4.4", named(runtime, "typing-extensions").spec());

        Manifest base = read("aio-libs__aiohttp__requirements__base.in");
        assertEquals(List.of("gunicorn", "uvloop", "winloop"), base.dependencies().stream().map(Dependency::name).toList());
        assertEquals(base.path().getParent().resolve("runtime-deps.in"), base.includes().get(0).target());

        Manifest openedx = read("openedx__edx-django-utils__requirements__test.in");
        assertEquals(List.of(true, false), openedx.includes().stream().map(Manifest.Include::constraint).toList());
        assertEquals("factory-boy", openedx.dependencies().get(1).name());
    }

    @Test
    void remoteConstraintIsNotAnInclude() {
        Manifest constraints = RequirementsReader.forConstraints().read(
                Corpus.file(DIR + "/openedx__edx-django-utils__requirements__constraints.txt"),
                SourceText.read(Corpus.file(DIR + "/openedx__edx-django-utils__requirements__constraints.txt")));
        assertEquals(List.of(), constraints.problems());
        assertEquals(List.of(), constraints.includes());
        assertEquals(List.of("diff-cover", "doc8", "backports-zoneinfo"),
                constraints.dependencies().stream().map(Dependency::name).toList());
        assertTrue(constraints.dependencies().stream().allMatch(d -> d.section().equals(RequirementsReader.CONSTRAINTS)));
        assertEquals("<6.2.2", constraints.dependencies().get(0).spec());
    }
}
