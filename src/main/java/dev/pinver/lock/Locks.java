package dev.pinver.lock;

import java.util.Map;
import dev.pinver.PinverException;
import dev.pinver.manifest.Problem;
import dev.pinver.manifest.Dependency;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinver.manifest.SourceText;
import dev.pinver.manifest.TomlParsing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds and reads the lock file that records what a manifest resolved to, by each tool's convention:
 * <ul>
 *   <li>{@code pyproject.toml}: {@code uv.lock}, {@code poetry.lock}, {@code pdm.lock} beside it, the first
 *       that exists in that order; else, for a uv workspace member, the {@code uv.lock} of the nearest
 *       ancestor whose {@code pyproject.toml} has a {@code [tool.uv.workspace]} table;</li>
 *   <li>{@code *.in} (pip-compile input): the {@code .txt} of the same stem beside it
 *       ({@code requirements/dev.in} → {@code requirements/dev.txt});</li>
 *   <li>{@code Pipfile}: {@code Pipfile.lock} beside it;</li>
 *   <li>{@code package.json}: {@code npm-shrinkwrap.json}, else {@code package-lock.json}, beside it; else
 *       the lock of the nearest ancestor whose {@code package.json} declares {@code workspaces}, read for
 *       this member's directory (see {@link NpmLockReader}).</li>
 * </ul>
 * Ancestors are searched up to the first directory that holds {@code .git} (the repository root). An
 * ancestor manifest that cannot be read is treated as declaring no workspace. Any other manifest has
 * no lock. {@link LockedVersions#lockFile()} says which file was used.
 */
public final class Locks {

    /** The lock files tried beside a {@code pyproject.toml}, in order. */
    public static final List<String> PYPROJECT_LOCKS = List.of("uv.lock", "poetry.lock", "pdm.lock");
    /** The lock files tried beside a {@code package.json}, in order (npm prefers the shrinkwrap). */
    public static final List<String> NPM_LOCKS = List.of("npm-shrinkwrap.json", "package-lock.json");

    /** Made on first use: Jackson's mapper costs ~30 ms of class initialisation, and most runs never read an ancestor's package.json. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private Locks() {
    }

    /**
     * The lock that applies to a dependency's manifest, each manifest's lock read once through
     * {@code cache}. A lock that exists but cannot be read is added to {@code problems} (once) and
     * treated as absent, so the other dependencies are still served.
     */
    public static Optional<LockedVersions> forDependency(Dependency d, Map<Path, Optional<LockedVersions>> cache,
            List<Problem> problems) {
        return cache.computeIfAbsent(d.declaredAt().file(), manifest -> {
            try {
                return forManifest(manifest);
            } catch (PinverException e) {
                problems.add(new Problem(e.location().orElse(d.declaredAt()), e.getMessage()));
                return Optional.empty();
            }
        });
    }

    /**
     * The versions locked for {@code manifest}, empty when no lock applies or none exists.
     *
     * @throws dev.pinver.PinverException (bad input, located) when the lock exists but cannot be read
     */
    public static Optional<LockedVersions> forManifest(Path manifest) {
        String name = manifest.getFileName().toString();
        if (name.equals("pyproject.toml")) {
            return firstBeside(manifest, PYPROJECT_LOCKS).or(() -> uvWorkspaceLock(manifest)).map(Locks::read);
        }
        if (name.equals("Pipfile")) {
            return firstBeside(manifest, List.of("Pipfile.lock")).map(Locks::read);
        }
        if (name.equals("package.json")) {
            Optional<Path> beside = firstBeside(manifest, NPM_LOCKS);
            return beside.isPresent() ? beside.map(Locks::read) : npmWorkspaceLock(manifest);
        }
        if (name.toLowerCase(Locale.ROOT).endsWith(".in") && name.length() > 3) {
            return firstBeside(manifest, List.of(name.substring(0, name.length() - 3) + ".txt")).map(Locks::read);
        }
        return Optional.empty();
    }

    /** Reads {@code lockFile} with the reader its name calls for (see {@link #readerFor}). */
    public static LockedVersions read(Path lockFile) {
        return readerFor(lockFile).read(lockFile, SourceText.read(lockFile));
    }

    /**
     * The reader for a lock file, by name: {@code uv.lock}, {@code poetry.lock}, {@code pdm.lock},
     * {@code Pipfile.lock}, {@code package-lock.json} and {@code npm-shrinkwrap.json} (for the root project);
     * any other file is read as pinned requirements.
     */
    public static LockReader readerFor(Path lockFile) {
        return switch (lockFile.getFileName().toString()) {
            case "uv.lock" -> TomlLockReader.uv();
            case "poetry.lock" -> TomlLockReader.poetry();
            case "pdm.lock" -> TomlLockReader.pdm();
            case "Pipfile.lock" -> new PipfileLockReader();
            case "package-lock.json", "npm-shrinkwrap.json" -> new NpmLockReader();
            default -> new RequirementsLockReader();
        };
    }

    private static Optional<Path> firstBeside(Path manifest, List<String> names) {
        return names.stream().map(manifest::resolveSibling).filter(Files::isRegularFile).findFirst();
    }

    private static Optional<Path> uvWorkspaceLock(Path manifest) {
        return nearestAncestor(manifest, "pyproject.toml", Locks::declaresUvWorkspace)
                .map(root -> root.resolve("uv.lock"))
                .filter(Files::isRegularFile)
                .map(lock -> sameStyle(manifest, lock));
    }

    private static Optional<LockedVersions> npmWorkspaceLock(Path manifest) {
        Optional<Path> root = nearestAncestor(manifest, "package.json", Locks::declaresNpmWorkspaces);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Path memberDirectory = root.get().relativize(directoryOf(manifest));
        String member = memberDirectory.toString().replace(memberDirectory.getFileSystem().getSeparator(), "/");
        return NPM_LOCKS.stream().map(root.get()::resolve).filter(Files::isRegularFile).findFirst()
                .map(lock -> sameStyle(manifest, lock))
                .map(lock -> new NpmLockReader(member).read(lock, SourceText.read(lock)));
    }

    /** A predicate on a manifest's path that may fail to read it. */
    private interface ManifestTest {
        boolean test(Path manifest) throws IOException;
    }

    /**
     * The nearest proper ancestor directory of {@code manifest}'s directory (absolute) holding a file
     * {@code fileName} that passes {@code test}, not going above the repository root.
     */
    private static Optional<Path> nearestAncestor(Path manifest, String fileName, ManifestTest test) {
        Path dir = directoryOf(manifest);
        while (!Files.exists(dir.resolve(".git")) && dir.getParent() != null) {
            dir = dir.getParent();
            Path candidate = dir.resolve(fileName);
            try {
                if (Files.isRegularFile(candidate) && test.test(candidate)) {
                    return Optional.of(dir);
                }
            } catch (IOException e) {
                // an unreadable ancestor manifest declares nothing; it is reported when it is read itself
            }
        }
        return Optional.empty();
    }

    private static boolean declaresUvWorkspace(Path pyproject) throws IOException {
        return TomlParsing.hasTable(Files.readString(pyproject), "tool.uv.workspace");
    }

    private static boolean declaresNpmWorkspaces(Path packageJson) throws IOException {
        JsonNode root = Json.MAPPER.readTree(Files.readString(packageJson));
        JsonNode workspaces = root == null ? null : root.get("workspaces");
        return workspaces != null && (workspaces.isArray() || workspaces.isObject());
    }

    private static Path directoryOf(Path manifest) {
        return manifest.toAbsolutePath().normalize().getParent();
    }

    /** {@code absolute} relative to the working directory when {@code manifest} was given relative. */
    private static Path sameStyle(Path manifest, Path absolute) {
        return manifest.isAbsolute() ? absolute : Path.of("").toAbsolutePath().relativize(absolute);
    }
}
