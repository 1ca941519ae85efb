package dev.pinver.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The manifest readers' contract on any text (the bytes read as UTF-8, as manifests are): they never throw (bad content is a problem with a place),
 * and every dependency's span cuts its spec out of the file, at the line and column it reports, unless a
 * problem at that very place says the spec is not written verbatim (so pinver will not edit it).
 *
 * <p>Under {@code mvn verify} each test runs its seeds (the files under
 * {@code src/test/resources/dev/pinver/manifest/ManifestReadersFuzzTestInputs/<test>/}); with
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=ManifestReadersFuzzTest#<test>} Jazzer fuzzes it.
 */
class ManifestReadersFuzzTest {

    private static final Path FILE = Path.of("/repo/module/manifest");

    private static void readsWithExactSpans(ManifestReader reader, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        Manifest m = reader.read(FILE, text);
        for (Problem p : m.problems()) {
            assertTrue(p.location().line() >= 1 && p.location().column() >= 1, p.toString());
        }
        for (Dependency d : m.dependencies()) {
            assertEquals(FILE, d.manifest(), d.toString());
            Span span = d.span();
            assertTrue(span.end() <= text.length(), d.toString());
            assertEquals(Span.of(text, span.start(), span.end()), span, d.toString());
            boolean flagged = m.problems().stream().anyMatch(p -> p.location().line() == span.line()
                    && p.location().column() == span.column());
            assertTrue(flagged || d.spec().equals(text.substring(span.start(), span.end())), d.toString());
        }
    }

    @FuzzTest(maxDuration = "60s")
    void requirements(byte[] text) {
        readsWithExactSpans(new RequirementsReader(), text);
    }

    @FuzzTest(maxDuration = "60s")
    void pyproject(byte[] text) {
        readsWithExactSpans(new PyprojectReader(), text);
    }

    @FuzzTest(maxDuration = "60s")
    void packageJson(byte[] text) {
        readsWithExactSpans(new PackageJsonReader(), text);
    }

    @FuzzTest(maxDuration = "60s")
    void pom(byte[] text) {
        readsWithExactSpans(new PomReader(parent -> Optional.empty()), text);
    }
}
