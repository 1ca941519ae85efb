package dev.pinver.manifest;

import java.nio.file.Path;
import java.util.List;

/**
 * What one manifest file declares. A reader reports what it could not understand as
 * {@link Problem}s and still returns every dependency it could read.
 *
 * @param path the file
 * @param dependencies the dependencies declared in this file itself, in file order
 * @param includes other files this one pulls in ({@code -r}, {@code -c}), to be read in turn
 * @param problems what could not be read
 * @param indexOptions the package-index options of a requirements file, in file order; empty for other manifests
 */
public record Manifest(Path path, List<Dependency> dependencies, List<Include> includes, List<Problem> problems,
        List<IndexOption> indexOptions) {

    public Manifest {
        dependencies = List.copyOf(dependencies);
        includes = List.copyOf(includes);
        problems = List.copyOf(problems);
        indexOptions = List.copyOf(indexOptions);
    }

    /** A manifest without index options. */
    public Manifest(Path path, List<Dependency> dependencies, List<Include> includes, List<Problem> problems) {
        this(path, dependencies, includes, problems, List.of());
    }

    /** A reference to another file, such as {@code -r base.txt} or {@code -c constraints.txt}. */
    public record Include(Path target, boolean constraint, Span span) {
    }
}
