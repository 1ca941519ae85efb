package dev.pinver.manifest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Unified diffs against golden files that git itself produced (see
 * {@code src/test/resources/manifest/diff/generate.sh}): each case folder holds {@code before},
 * {@code after}, the expected diff and, optionally, the {@code path} shown in the headers.
 */
class UnifiedDiffTest {

    static List<Path> cases() throws IOException, URISyntaxException {
        Path root = Path.of(Objects.requireNonNull(UnifiedDiffTest.class.getResource("/manifest/diff")).toURI());
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGit(Path folder) throws IOException {
        Path pathFile = folder.resolve("path");
        String path = Files.exists(pathFile) ? read(pathFile) : "requirements.txt";

        String diff = UnifiedDiff.of(path, read(folder.resolve("before")), read(folder.resolve("after")));

        assertEquals(read(folder.resolve("expected.diff")), diff);
    }

    @Test
    void equalTextsHaveNoDiff() {
        assertEquals("", UnifiedDiff.of("requirements.txt", "a==1\r\nb==2", "a==1\r\nb==2"));
    }

    @Test
    void diffsAnEditorPlan() {
        String text = "# tools\r\nalpha==1.0\r\nbeta==2.0";
        LineFormatReader reader = new LineFormatReader();
        ManifestEditor.Plan plan = ManifestEditor.plan(new ManifestEditor.FileEdits(Path.of("deps.txt"), text, reader,
                List.of(Edit.of(reader.read(Path.of("deps.txt"), text).dependencies().get(1), "2.1"))));

        assertEquals("--- a/deps.txt\n+++ b/deps.txt\n@@ -1,3 +1,3 @@\n # tools\r\n alpha==1.0\r\n-beta==2.0\n"
                + "\\ No newline at end of file\n+beta==2.1\n\\ No newline at end of file\n",
                UnifiedDiff.of("deps.txt", plan.before(), plan.after()));
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), UTF_8);
    }
}
