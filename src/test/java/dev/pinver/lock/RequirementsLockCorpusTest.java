package dev.pinver.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.Corpus;
import dev.pinver.Location;
import dev.pinver.PinverException;
import dev.pinver.manifest.SourceText;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Real pip-compile and {@code uv export} outputs from the shared corpus, read as locks. */
class RequirementsLockCorpusTest {

    private static final String DIR = "manifests/python/";
    private static final RequirementsLockReader READER = new RequirementsLockReader();

    private static LockedVersions read(String name) {
        Path file = Corpus.file(DIR + name);
        return READER.read(file, SourceText.read(file));
    }

    @Test
    void pipCompileOutputsAndUvExportReadAsLocks() {
        Map<String, Map<String, String>> expected = Map.of(
                "aio-libs__aiohttp__requirements__base.txt",
                Map.of("gunicorn", "26.0.0", "multidict", "6.7.1", "async-timeout", "5.0.1", "typing-extensions", "4.16.0"),
                "django__djangoproject.com__requirements__prod.txt",
                Map.of("django", "6.1", "certifi", "2026.7.22", "python-dateutil", "2.9.0.post0", "psycopg-c", "3.3.4"),
                "openedx__edx-django-utils__requirements__test.txt",
                Map.of("coverage", "7.10.7", "ddtrace", "3.15.0", "pytest-django", "4.11.1", "typing-extensions", "4.15.0"),
                "pypi__warehouse__requirements__deploy.txt",
                Map.of("bytecode", "0.18.1", "ddtrace", "4.10.5", "gunicorn", "26.0.0", "wrapt", "2.2.2"));
        expected.forEach((file, versions) -> {
            LockedVersions locked = read(file);
            versions.forEach((name, version) -> assertEquals(Optional.of(version), locked.versionOf(name), file + " " + name));
        });
        assertEquals(20, read("aio-libs__aiohttp__requirements__base.txt").versions().size());
        assertEquals(8, read("pypi__warehouse__requirements__deploy.txt").versions().size());
        // the git requirement of django-push is not a registry version; openedx strips Django from its outputs
        assertEquals(Optional.empty(), read("django__djangoproject.com__requirements__prod.txt").versionOf("django-push"));
        assertEquals(Optional.empty(), read("openedx__edx-django-utils__requirements__test.txt").versionOf("django"));
    }

    /**
     * Every requirements file of the corpus either reads as a lock or is refused at its first line that
     * is not an exact pin (or includes another file). Hand-written files pinned throughout are locks too.
     */
    @Test
    void everyRequirementsFileIsALockOrRefusedAtItsFirstNonPin() {
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("Stability-AI__generative-models__requirements__pt13.txt", "2:8 chardet '>=5.1.0'"),
                Map.entry("aio-libs__aiohttp__requirements__base.txt", "lock of 20"),
                Map.entry("django__djangoproject.com@fcf3a28b__requirements__dev.txt", "1:4 it includes another file"),
                Map.entry("django__djangoproject.com__requirements__common.txt", "lock of 25"),
                Map.entry("django__djangoproject.com__requirements__prod.txt", "lock of 54"),
                Map.entry("encode__httpx__requirements.txt", "lock of 15"),
                Map.entry("encode__starlette__requirements.txt", "lock of 15"),
                Map.entry("encode__uvicorn__requirements.txt", "lock of 23"),
                Map.entry("explosion__spaCy__requirements.txt", "2:13 spacy-legacy '>=3.0.11,<3.1.0'"),
                Map.entry("fastapi__fastapi__requirements-docs-tests.txt", "2:7 httpx '>=0.23.0,<1.0.0'"),
                Map.entry("fastapi__fastapi__requirements-docs.txt", "2:4 it includes another file"),
                Map.entry("fastapi__fastapi__requirements-tests.txt", "2:4 it includes another file"),
                Map.entry("fastapi__fastapi__requirements.txt", "2:4 it includes another file"),
                Map.entry("google-deepmind__alphafold__requirements.txt", "11:7 pytest '<8.5.0'"),
                Map.entry("openedx__edx-django-utils__requirements__constraints.txt", "16:11 diff-cover '<6.2.2'"),
                Map.entry("openedx__edx-django-utils__requirements__test.txt", "lock of 33"),
                Map.entry("pypi__warehouse__requirements.txt", "2:4 it includes another file"),
                Map.entry("pypi__warehouse__requirements__deploy.txt", "lock of 8"),
                Map.entry("tloen__alpaca-lora__requirements.txt", "1:1 accelerate has no version")));
        Map<String, String> actual = new TreeMap<>();
        for (Path file : Corpus.files(DIR)) {
            String name = file.getFileName().toString();
            if (!name.endsWith(".txt")) {
                continue;
            }
            try {
                actual.put(name, "lock of " + READER.read(file, SourceText.read(file)).versions().size());
            } catch (PinverException e) {
                Location at = e.location().orElseThrow();
                assertEquals(file, at.file());
                assertTrue(e.getMessage().startsWith("not a lock: "), e::oneLine);
                actual.put(name, at.line() + ":" + at.column() + " " + e.getMessage().substring("not a lock: ".length())
                        .replaceAll("( is not an exact|, where a lock).*", ""));
            }
        }
        assertEquals(expected, actual);
    }
}
