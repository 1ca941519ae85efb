package dev.pinver.manifest;

import dev.pinver.Location;
import dev.pinver.PinverException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Finds manifests under the paths a user names and picks the reader for each file. */
public final class ManifestFinder {

    /** Folders never searched: VCS data, installed packages, build output, virtualenvs, caches. */
    private static final Set<String> SKIPPED_DIRS = Set.of(
            ".git", ".hg", ".svn", "node_modules", "target", "build", "dist", ".venv", "venv",
            "__pycache__", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", "site-packages");

    private ManifestFinder() {
    }

    /**
     * The manifests named by {@code paths}: files as given (whatever their name), directories
     * searched recursively for files that look like manifests. Sorted per directory for stable output.
     */
    public static List<Path> find(List<Path> paths) {
        Set<Path> found = new LinkedHashSet<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                found.addAll(walk(p));
            } else if (Files.exists(p)) {
                found.add(p.normalize());
            } else {
                throw new PinverException(PinverException.Kind.USAGE, new Location(p, 1, 1), "no such file or directory");
            }
        }
        return List.copyOf(found);
    }

    /**
     * The reader for a file, chosen by its name: {@code .toml} as pyproject, {@code .json} as
     * package.json, {@code *pom.xml} and {@code .pom} as a Maven pom; every other file reads as requirements.
     */
    public static ManifestReader readerFor(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".toml")) {
            return new PyprojectReader();
        }
        if (name.endsWith(".json")) {
            return new PackageJsonReader();
        }
        if (name.endsWith("pom.xml") || name.endsWith(".pom")) {
            return new PomReader();
        }
        return new RequirementsReader();
    }

    /** Whether a file found while searching a directory is a manifest pinver reads. */
    static boolean looksLikeManifest(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.equals("pyproject.toml") || name.equals("package.json") || name.equals("pom.xml")) {
            return true;
        }
        boolean requirementsDir = Optional.ofNullable(file.getParent())
                .map(Path::getFileName)
                .map(d -> d.toString().toLowerCase(Locale.ROOT).startsWith("requirements"))
                .orElse(false);
        if (name.endsWith(".txt")) {
            return requirementsDir || name.contains("requirements") || name.startsWith("constraints");
        }
        if (name.endsWith(".in")) {
            return !name.equals("manifest.in") && (requirementsDir || name.contains("requirements"));
        }
        return false;
    }

    /**
     * A {@code .txt} beside a {@code .in} of the same name is pip-compile's output: a lock of exact
     * pins that pinver reads as the resolved versions, not a manifest to judge. Named explicitly, it is
     * still read.
     */
    static boolean isCompiledFromIn(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".txt")
                && Files.isRegularFile(file.resolveSibling(name.substring(0, name.length() - 4) + ".in"));
    }

    private static List<Path> walk(Path dir) {
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    boolean skip = !d.equals(dir) && SKIPPED_DIRS.contains(d.getFileName().toString());
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && looksLikeManifest(f) && !isCompiledFromIn(f)) {
                        out.add(f.normalize());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(null);
        return out;
    }
}
