package dev.pinver.pin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.Corpus;
import dev.pinver.manifest.Dependency;
import dev.pinver.manifest.Manifest;
import dev.pinver.manifest.ManifestEditor;
import dev.pinver.manifest.ManifestFinder;
import dev.pinver.manifest.SourceText;
import dev.pinver.policy.Policy;
import dev.pinver.policy.Presets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** {@code pin} on every real manifest in the corpus (Python, Maven, npm) changes nothing but spec spans. */
class PinCorpusTest {

    private static final Policy DEFAULT = Presets.load(Presets.DEFAULT).orElseThrow();

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyCorpusManifestChangesOnlyInsideSpecSpans() {
        return Stream.of("manifests/python", "manifests/maven", "manifests/npm")
                .flatMap(folder -> Corpus.files(folder).stream())
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> pinOnlyTouchesSpecs(file)));
    }

    /** The name the copy gets, so that the finder reads it in its own format. */
    private static String manifestName(Path original) {
        String name = original.getFileName().toString();
        if (name.endsWith(".toml")) {
            return "pyproject.toml";
        }
        if (name.endsWith("pom.xml")) {
            return "pom.xml";
        }
        return name.endsWith("package.json") ? "package.json" : "requirements.txt";
    }

    private void pinOnlyTouchesSpecs(Path original) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(original.getFileName().toString() + ".d"));
        Path copy = folder.resolve(manifestName(original));
        Files.write(copy, Files.readAllBytes(original));
        String before = SourceText.read(copy);

        PinService service = new PinService(m -> DEFAULT, Optional.empty(), Set.of());
        PinResult noEdits = new PinService(m -> DEFAULT, Optional.empty(), Set.of("no-such-package")).plan(List.of(copy));
        assertTrue(noEdits.plans().isEmpty(), "no edit applies, so nothing changes");
        PinResult result = service.plan(List.of(copy));
        PinService.write(result);
        String after = SourceText.read(copy);
        if (result.changes().isEmpty()) {
            assertEquals(before, after);
            return;
        }
        List<ManifestEditor.Plan> plans = result.plans();
        assertEquals(1, plans.size());

        Manifest read = ManifestFinder.readerFor(copy).read(copy, before);
        Manifest reread = ManifestFinder.readerFor(copy).read(copy, after);
        assertEquals(read.dependencies().size(), reread.dependencies().size());
        assertEquals(withoutSpecs(before, read.dependencies()), withoutSpecs(after, reread.dependencies()),
                "text outside the spec spans changed");
        assertEquals(before.lines().count(), after.lines().count(), "line count changed");
        PinResult again = service.plan(List.of(copy));
        assertTrue(again.changes().isEmpty(), "pin is idempotent: " + again.changes());
    }

    /** The text with every dependency's spec cut out, so only what surrounds the specs remains. */
    private static String withoutSpecs(String text, List<Dependency> deps) {
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (Dependency d : deps.stream().sorted((a, b) -> Integer.compare(a.span().start(), b.span().start())).toList()) {
            if (d.span().start() >= at) {
                sb.append(text, at, d.span().start()).append('\u0000');
                at = d.span().end();
            }
        }
        return sb.append(text.substring(at)).toString();
    }
}
