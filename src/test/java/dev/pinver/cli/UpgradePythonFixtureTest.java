package dev.pinver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinver.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bare {@code pinver upgrade --run-tests --bisect} end to end in a copy of {@code fixtures/gate-python} in a fresh
 * git repository: the fixture's {@code .pinver.yaml} names its committed index pages and its commands, whose
 * install step builds tinylib's five wheels with the fixture's build-index.py, makes a virtualenv with the
 * machine's python3 and installs from that index; the app's {@code unittest} suite is the gate. pinver runs in a
 * child JVM, in the copy, so that pip's user configuration can be switched off through the environment
 * ({@code PIP_CONFIG_FILE=/dev/null}).
 */
class UpgradePythonFixtureTest {

    private static final Path FIXTURE = Path.of("fixtures/gate-python").toAbsolutePath();
    private static final PersonIdent ME = new PersonIdent("Dev", "dev@example.com");

    @Test
    void bisectPinsTheNewestPassingWindowOnABranchAndReportsTheBreakingRelease(@TempDir Path dir,
            @TempDir Path cache) throws Exception {
        requirePython();
        copyFixture(dir);

        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("the app").setAuthor(ME).setCommitter(ME).setSign(false).call();
            // The user's state: a stash, an uncommitted edit of a tracked file, an untracked file.
            Files.writeString(dir.resolve("README.md"), "stashed edit\n", StandardOpenOption.APPEND);
            git.stashCreate().setPerson(ME).setWorkingDirectoryMessage("stashed by the user").call();
            Files.writeString(dir.resolve("README.md"), "uncommitted edit\n", StandardOpenOption.APPEND);
            Files.writeString(dir.resolve("notes.txt"), "work in progress\n");
            String before = userState(git, dir);

            ChildProcess r = run(List.of(ChildProcess.java(), "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "upgrade", "--run-tests", "--bisect", "--format", "json", "--cache-dir", cache.toString()),
                    dir, 240);
            assertEquals(0, r.exit(), r.out() + r.err());

            JsonNode run = new ObjectMapper().readTree(r.out());
            assertEquals("passed", run.get("baseline").get("result").asText());
            assertEquals(1, run.get("upgrades").size(), r.out());
            JsonNode upgrade = run.get("upgrades").get(0);
            assertEquals("tinylib", upgrade.get("package").asText());
            assertEquals("0.45.1", upgrade.get("from").asText());
            assertEquals("0.46.1", upgrade.get("to").asText());
            assertEquals("passed", upgrade.get("result").asText());
            assertEquals("pinver/tinylib-0.46", upgrade.get("branch").asText());
            List<String> tried = new ArrayList<>();
            upgrade.get("tried").forEach(t -> tried.add(t.get("version").asText() + ":" + t.get("result").asText()));
            assertEquals(List.of("0.47.0:failed", "0.46.1:passed"), tried);
            String failedLog = Files.readString(dir.resolve(".git/pinver/logs/tinylib-0.47.0.log"));
            assertTrue(failedLog.contains("AttributeError: module 'tinylib' has no attribute 'greet'"), failedLog);

            assertEquals("tinylib>=0.46.1,<0.47.0\n", blob(git, "pinver/tinylib-0.46:requirements.txt"));
            RevCommit tip = git.getRepository().parseCommit(git.getRepository().resolve("pinver/tinylib-0.46"));
            assertEquals(git.getRepository().resolve("main"), tip.getParent(0).getId(), "the branch starts at main");
            assertTrue(tip.getFullMessage().contains(">=0.45.0,<0.46.0 → >=0.46.1,<0.47.0"), tip.getFullMessage());
            assertTrue(tip.getFullMessage().contains("tinylib 0.47.0 failed"), tip.getFullMessage());
            assertEquals(null, git.getRepository().resolve("refs/heads/pinver/tinylib-0.47"),
                    "no branch is left for the failing window");

            assertEquals(before, userState(git, dir));
            assertFalse(Files.exists(dir.resolve(".venv")), "the gate made its virtualenvs elsewhere");
        }
    }

    @Test
    void theCommittedIndexPagesAreWhatBuildIndexMakesFromTheLibrarySources(@TempDir Path index) throws Exception {
        requirePython();
        ChildProcess built = run(List.of("python3", FIXTURE.resolve("build-index.py").toString(), index.toString()),
                FIXTURE, 60);
        assertEquals(0, built.exit(), built.err());
        assertEquals(files(index.resolve("simple")), files(FIXTURE.resolve("index/simple")),
                "run build-index.py index in fixtures/gate-python after changing library/");
    }

    /** Each file under {@code dir} by its relative path, with its text. */
    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                texts.put(dir.relativize(p).toString(), Files.readString(p));
            }
        }
        return texts;
    }

    /** HEAD, the branch, git status, the stash, and the bytes of the files the user touched. */
    private static String userState(Git git, Path dir) throws Exception {
        Status s = git.status().call();
        List<String> stash = new ArrayList<>();
        git.stashList().call().forEach(c -> stash.add(c.name() + " " + c.getFullMessage()));
        return String.join("\n", "HEAD " + git.getRepository().resolve("HEAD").name(),
                "branch " + git.getRepository().getFullBranch(),
                "added " + new TreeSet<>(s.getAdded()), "changed " + new TreeSet<>(s.getChanged()),
                "modified " + new TreeSet<>(s.getModified()), "missing " + new TreeSet<>(s.getMissing()),
                "removed " + new TreeSet<>(s.getRemoved()), "untracked " + new TreeSet<>(s.getUntracked()),
                "stash " + stash, "README.md " + Files.readString(dir.resolve("README.md")),
                "requirements.txt " + Files.readString(dir.resolve("requirements.txt")),
                "notes.txt " + Files.readString(dir.resolve("notes.txt")));
    }

    private static String blob(Git git, String revision) throws IOException {
        return new String(git.getRepository().open(git.getRepository().resolve(revision)).getBytes(),
                StandardCharsets.UTF_8);
    }

    /** The fixture's files, without what running it by hand leaves behind. */
    private static void copyFixture(Path target) throws IOException {
        TestFiles.copyTree(FIXTURE, target, p -> Stream.iterate(p, q -> q != null, Path::getParent)
                .noneMatch(q -> List.of("__pycache__", ".venv", "files").contains(q.getFileName().toString())));
    }

    /** Skips, with the reason, unless python3 can make a virtualenv and run a pip that knows --python (22.3+). */
    private static void requirePython() {
        String why;
        try {
            ChildProcess check = run(List.of("python3", "-c", "import venv, pip, sys; sys.exit(0 if tuple(map(int, "
                    + "pip.__version__.split('.')[:2])) >= (22, 3) else 'pip ' + pip.__version__ + ' has no --python')"),
                    FIXTURE, 30);
            why = check.exit() == 0 ? null : "python3 with venv and pip 22.3+ is needed: " + check.err().strip();
        } catch (IOException e) {
            why = "no python3 on PATH (" + e.getMessage() + ")";
        }
        if (why != null) {
            System.err.println("UpgradePythonFixtureTest skipped: " + why);
        }
        Assumptions.assumeTrue(why == null, why);
    }

    /**
     * Runs a command with pip's configuration switched off: no PIP_* variable of this machine reaches pip or
     * pinver, and PIP_CONFIG_FILE=/dev/null hides the user's pip.conf.
     */
    private static ChildProcess run(List<String> command, Path cwd, int timeoutSeconds) throws IOException {
        return ChildProcess.run(command, cwd, env -> {
            env.keySet().removeIf(k -> k.startsWith("PIP_"));
            env.put("PIP_CONFIG_FILE", "/dev/null");
        }, timeoutSeconds);
    }
}
