package dev.pinver;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared corpus of real manifests, release notes and version vectors (../shared/corpus by
 * default, or the {@code pinver.corpus} system property). Tests that need it are skipped with a
 * visible message when it is absent; nothing from it is copied into the project.
 */
public final class Corpus {

    private Corpus() {
    }

    public static Path root() {
        String configured = System.getProperty("pinver.corpus");
        Path root = Path.of(configured != null ? configured : "../shared/corpus").toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            String message = "corpus not found at " + root + " (set -Dpinver.corpus=...); skipping corpus test";
            System.err.println("SKIPPED: " + message);
            assumeTrue(false, message);
        }
        return root;
    }

    /** A file under the corpus root, e.g. {@code versions/pep440_packaging.json}. */
    public static Path file(String relative) {
        Path p = root().resolve(relative);
        assumeTrue(Files.exists(p), "corpus file missing: " + p);
        return p;
    }

    /** The regular files directly in a corpus folder, e.g. {@code manifests/python}, sorted by name. */
    public static List<Path> files(String folder) {
        try (Stream<Path> s = Files.list(root().resolve(folder))) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
