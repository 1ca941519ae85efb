package dev.pinver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** File trees for tests. */
public final class TestFiles {

    private TestFiles() {
    }

    /** Copies the tree at {@code from} into {@code to}: directories made as needed, files replaced, attributes kept. */
    public static void copyTree(Path from, Path to) throws IOException {
        copyTree(from, to, relative -> true);
    }

    /**
     * As {@link #copyTree(Path, Path)}, with only the paths {@code keep} accepts, each given relative to
     * {@code from} (the empty path for {@code from} itself).
     */
    public static void copyTree(Path from, Path to, Predicate<Path> keep) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path relative = from.relativize(path);
                if (!keep.test(relative)) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
