package dev.pinver.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pinver.PinverException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Editing any manifest: replacing the specs its reader found either gives a plan whose text is the old
 * one with exactly those spans replaced, or is refused with {@link PinverException} {@code BAD_INPUT};
 * never another exception.
 *
 * <p>Under {@code mvn verify} each test runs its seeds; {@code JAZZER_FUZZ=1 mvn test
 * -Dtest=ManifestEditsFuzzTest#<test>} fuzzes it.
 */
class ManifestEditsFuzzTest {

    private static final Path FILE = Path.of("/repo/module/manifest");

    private static void editsOrRefuses(ManifestReader reader, FuzzedDataProvider data) {
        String replacement = data.consumeString(20);
        String text = data.consumeRemainingAsString();
        Manifest read = reader.read(FILE, text);
        List<Edit> edits = new ArrayList<>();
        StringBuilder expected = new StringBuilder();
        int copied = 0;
        for (Dependency d : read.dependencies()) {
            Span span = d.span();
            if (span.start() < copied || !text.substring(span.start(), span.end()).equals(d.spec())) {
                continue; // overlapping or not verbatim: the caller would not ask for it
            }
            edits.add(new Edit(FILE, span, d.spec(), replacement));
            expected.append(text, copied, span.start()).append(replacement);
            copied = span.end();
        }
        expected.append(text.substring(copied));
        try {
            ManifestEditor.Plan plan = ManifestEditor.plan(new ManifestEditor.FileEdits(FILE, text, reader, edits));
            assertEquals(expected.toString(), plan.after());
        } catch (PinverException e) {
            assertEquals(PinverException.Kind.BAD_INPUT, e.kind(), e.getMessage());
        }
    }

    @FuzzTest(maxDuration = "60s")
    void requirements(FuzzedDataProvider data) {
        editsOrRefuses(new RequirementsReader(), data);
    }

    @FuzzTest(maxDuration = "60s")
    void pyproject(FuzzedDataProvider data) {
        editsOrRefuses(new PyprojectReader(), data);
    }

    @FuzzTest(maxDuration = "60s")
    void packageJson(FuzzedDataProvider data) {
        editsOrRefuses(new PackageJsonReader(), data);
    }

    @FuzzTest(maxDuration = "60s")
    void pom(FuzzedDataProvider data) {
        editsOrRefuses(new PomReader(parent -> Optional.empty()), data);
    }
}
