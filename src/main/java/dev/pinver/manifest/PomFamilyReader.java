package dev.pinver.manifest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a parent pom as its children see it: the parent's own dependencies, plus every dependency of
 * the given child poms whose version is a property defined in the parent. Editing such a property
 * edits the parent file, so this is the reader that verifies the edit: with the parent's new text,
 * the children's dependencies must read the new value.
 */
public final class PomFamilyReader implements ManifestReader {

    private final ManifestReader own;
    private final List<Path> children;

    /**
     * @param own the reader for the parent file itself
     * @param children the poms that take versions from the parent's properties
     */
    public PomFamilyReader(ManifestReader own, Set<Path> children) {
        this.own = own;
        this.children = children.stream().sorted().toList();
    }

    @Override
    public Manifest read(Path parent, String text) {
        Manifest self = own.read(parent, text);
        List<Dependency> dependencies = new ArrayList<>(self.dependencies());
        List<Problem> problems = new ArrayList<>(self.problems());
        for (Path child : children) {
            PomReader reader = new PomReader(p -> samePath(p, parent) ? Optional.of(text)
                    : Files.isRegularFile(p) ? Optional.of(SourceText.read(p)) : Optional.empty());
            Manifest seen = reader.read(child, SourceText.read(child));
            seen.dependencies().stream().filter(d -> samePath(d.manifest(), parent)).forEach(dependencies::add);
            problems.addAll(seen.problems());
        }
        return new Manifest(parent, dependencies, self.includes(), problems);
    }

    private static boolean samePath(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
