package dev.pinver.lock;

import static dev.pinver.lock.LockFixtures.fixture;
import static dev.pinver.lock.LockFixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pinver.Location;
import dev.pinver.PinverException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocksTest {

    @TempDir
    Path repo;

    private Path write(String relative, String text) throws IOException {
        Path file = repo.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private Path copy(String fixture, String relative) throws IOException {
        Path file = repo.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.copy(fixture(fixture), file);
    }

    private static String lockOf(Path manifest) {
        return Locks.forManifest(manifest).map(l -> l.lockFile() + " " + l.format()).orElse("none");
    }

    @Test
    void pyprojectTakesUvThenPoetryThenPdmBesideIt() throws IOException {
        Files.createDirectory(repo.resolve(".git"));
        Path pyproject = write("pyproject.toml", "[project]\nname = \"demo\"\n");
        assertEquals("none", lockOf(pyproject));
        Path pdm = copy("pdm.lock", "pdm.lock");
        assertEquals(pdm + " pdm.lock", lockOf(pyproject));
        Path poetry = copy("poetry.lock", "poetry.lock");
        assertEquals(poetry + " poetry.lock", lockOf(pyproject));
        Path uv = copy("uv.lock", "uv.lock");
        assertEquals(uv + " uv.lock", lockOf(pyproject));
        assertEquals(Optional.of("2.2.6"), Locks.forManifest(pyproject).orElseThrow().versionOf("numpy"));
    }

    @Test
    void aUvWorkspaceMemberUsesTheWorkspaceRootLock() throws IOException {
        Files.createDirectory(repo.resolve(".git"));
        write("pyproject.toml", "[project]\nname = \"demo\"\n\n[tool.uv.workspace]\nmembers = [\"backend\"]\n");
        Path uv = copy("uv.lock", "uv.lock");
        Path member = write("backend/pyproject.toml", "[project]\nname = \"backend\"\n");
        assertEquals(uv + " uv.lock", lockOf(member));
        // a member with a lock of its own uses that one
        Path own = copy("poetry.lock", "backend/poetry.lock");
        assertEquals(own + " poetry.lock", lockOf(member));
    }

    @Test
    void aPyprojectWithoutAWorkspaceAboveHasNoLock() throws IOException {
        Files.createDirectory(repo.resolve(".git"));
        write("pyproject.toml", "[project]\nname = \"demo\"\n");
        copy("uv.lock", "uv.lock");
        assertEquals("none", lockOf(write("tools/pyproject.toml", "[project]\nname = \"tools\"\n")));
        // an unreadable ancestor declares nothing
        write("pyproject.toml", "[tool.uv.workspace\n");
        assertEquals("none", lockOf(repo.resolve("tools/pyproject.toml")));
    }

    @Test
    void theSearchForAWorkspaceStopsAtTheRepositoryRoot() throws IOException {
        write("pyproject.toml", "[tool.uv.workspace]\nmembers = [\"project/*\"]\n");
        copy("uv.lock", "uv.lock");
        Files.createDirectories(repo.resolve("project/.git"));
        Path member = write("project/app/pyproject.toml", "[project]\nname = \"app\"\n");
        assertEquals("none", lockOf(member));
    }

    @Test
    void aPipCompileInputUsesTheTxtOfTheSameStem() throws IOException {
        Path in = write("requirements/dev.in", "pytest\n");
        assertEquals("none", lockOf(in));
        Path txt = copy("pip-compile-hashes.txt", "requirements/dev.txt");
        assertEquals(txt + " requirements", lockOf(in));
        assertEquals(Optional.of("8.3.4"), Locks.forManifest(in).orElseThrow().versionOf("pytest"));
        assertEquals("none", lockOf(write("requirements/base.in", "idna\n")));
    }

    @Test
    void aPipfileUsesPipfileLock() throws IOException {
        Path pipfile = write("Pipfile", "[packages]\ndjango = \"*\"\n");
        assertEquals("none", lockOf(pipfile));
        Path lock = copy("Pipfile.lock", "Pipfile.lock");
        assertEquals(lock + " Pipfile.lock", lockOf(pipfile));
    }

    @Test
    void packageJsonPrefersTheShrinkwrapBesideIt() throws IOException {
        Path manifest = write("package.json", "{\"name\": \"legacy-app\"}\n");
        assertEquals("none", lockOf(manifest));
        Path lock = copy("package-lock.v2.json", "package-lock.json");
        assertEquals(lock + " package-lock.json", lockOf(manifest));
        Path shrinkwrap = copy("package-lock.v1.json", "npm-shrinkwrap.json");
        assertEquals(shrinkwrap + " package-lock.json", lockOf(manifest));
        assertEquals(Optional.of("6.0.1"), Locks.forManifest(manifest).orElseThrow().versionOf("strip-ansi-cjs"));
    }

    @Test
    void anNpmWorkspaceMemberReadsTheRootLockFromItsOwnDirectory() throws IOException {
        Files.createDirectory(repo.resolve(".git"));
        write("package.json", "{\"name\": \"demo-monorepo\", \"workspaces\": [\"packages/*\"]}\n");
        Path lock = copy("package-lock.v3.json", "package-lock.json");
        Path ui = write("packages/ui/package.json", "{\"name\": \"@demo/ui\"}\n");
        // a package.json between the member and the root that declares no workspaces is passed over
        write("packages/package.json", "{\"private\": true}\n");
        LockedVersions locked = Locks.forManifest(ui).orElseThrow();
        assertEquals(lock, locked.lockFile());
        assertEquals(Optional.of("3.10.1"), locked.versionOf("lodash"));
        assertEquals(Optional.of("7.6.3"), locked.versionOf("semver"));
        Path root = repo.resolve("package.json");
        assertEquals(Optional.of("4.17.21"), Locks.forManifest(root).orElseThrow().versionOf("lodash"));
    }

    @Test
    void anNpmWorkspaceRootWithoutAnNpmLockGivesNone() throws IOException {
        write("package.json", "{\"workspaces\": {\"packages\": [\"packages/*\"]}}\n");
        write("yarn.lock", "# yarn lockfile v1\n");
        Files.createDirectory(repo.resolve(".git"));
        assertEquals("none", lockOf(write("packages/ui/package.json", "{}\n")));
    }

    @Test
    void relativeManifestsGiveRelativeLockPaths() throws IOException {
        Files.createDirectory(repo.resolve(".git"));
        write("package.json", "{\"workspaces\": [\"packages/*\"]}\n");
        copy("package-lock.v3.json", "package-lock.json");
        Path ui = write("packages/ui/package.json", "{}\n");
        Path relative = Path.of("").toAbsolutePath().relativize(ui);
        Path expected = Path.of("").toAbsolutePath().relativize(repo.resolve("package-lock.json"));
        assertEquals(expected, Locks.forManifest(relative).orElseThrow().lockFile());
    }

    @Test
    void otherManifestsHaveNoLock() throws IOException {
        copy("pip-freeze.txt", "requirements.txt");
        write("requirements.lock", "idna==3.10\n");
        assertEquals("none", lockOf(repo.resolve("requirements.txt")));
        assertEquals("none", lockOf(write("pom.xml", "<project/>\n")));
        assertEquals("none", lockOf(write(".in", "idna\n")));
    }

    @Test
    void aLockThatDoesNotParseFailsWithItsLocation() throws IOException {
        Path pyproject = write("pyproject.toml", "[project]\nname = \"demo\"\n");
        Path lock = write("uv.lock", "version = 1\n\n[[package]]\nname = \"idna\nversion = \"3.10\"\n");
        PinverException e = assertThrows(PinverException.class, () -> Locks.forManifest(pyproject));
        assertEquals(new Location(lock, 4, 13), e.location().orElseThrow());
        Path in = write("requirements.in", "fastapi\n");
        Path txt = write("requirements.txt", "fastapi>=0.115\n");
        e = assertThrows(PinverException.class, () -> Locks.forManifest(in));
        assertEquals(lock.getParent().resolve("requirements.txt"), txt);
        assertEquals(new Location(txt, 1, 8), e.location().orElseThrow());
        Path bad = write("npm/package-lock.json", "{\"packages\": {\n");
        e = assertThrows(PinverException.class, () -> Locks.forManifest(write("npm/package.json", "{}")));
        assertEquals(new Location(bad, 2, 1), e.location().orElseThrow());
    }

    @Test
    void readPicksTheReaderByFileName() throws IOException {
        assertEquals(List.of("debug 2.6.9", "ms 2.1.3"), render(Locks.read(copy("package-lock.v2.json", "package-lock.json"))));
        assertEquals(LockedVersions.REQUIREMENTS, Locks.read(fixture("uv-universal.txt")).format());
        assertEquals(LockedVersions.UV, Locks.readerFor(Path.of("x", "uv.lock")).read(Path.of("uv.lock"), "").format());
        assertEquals(LockedVersions.NPM, Locks.readerFor(Path.of("npm-shrinkwrap.json")).read(Path.of("n"), "{}").format());
        assertEquals(LockedVersions.PIPENV, Locks.readerFor(Path.of("Pipfile.lock")).read(Path.of("n"), "{}").format());
        assertEquals(LockedVersions.POETRY, Locks.readerFor(Path.of("poetry.lock")).read(Path.of("n"), "").format());
        assertEquals(LockedVersions.PDM, Locks.readerFor(Path.of("pdm.lock")).read(Path.of("n"), "").format());
    }
}
