package dev.pinver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinver.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bare {@code pinver upgrade --run-tests --bisect} end to end in a copy of {@code fixtures/gate-maven} in a fresh
 * git repository: tinylib's repository is the pom's own ({@code repo/}, with the poms and metadata committed),
 * and the fixture's {@code .pinver.yaml} gives the commands: the install step compiles tinylib's five releases
 * from {@code library/} into that repository (build-repo.sh) and the machine's {@code mvn -o test} is the gate.
 * pinver runs in a child JVM, in the copy, whose environment gives the gate's Maven a scratch local repository
 * that links to the user's {@code ~/.m2} for everything but tinylib ({@code MAVEN_OPTS}), so the user's local
 * repository gains nothing.
 */
class UpgradeMavenFixtureTest {

    private static final Path FIXTURE = Path.of("fixtures/gate-maven").toAbsolutePath();
    private static final Path USER_REPO = Path.of(System.getProperty("user.home"), ".m2", "repository");
    private static final PersonIdent ME = new PersonIdent("Dev", "dev@example.com");

    @Test
    void bisectPinsTheNewestPassingVersionOnABranchAndReportsTheBreakingRelease(@TempDir Path dir,
            @TempDir Path maven, @TempDir Path cache) throws Exception {
        requireMaven();
        copyFixture(dir);
        Path local = Files.createDirectory(maven.resolve("repository"));
        try {
            seedLocalRepository(local);
            upgradeAndCheck(dir, local, cache);
        } finally {
            delete(local); // the links only, before @TempDir's cleanup warns about each of them
        }
    }

    @Test
    void theCommittedPomsAndMetadataAreWhatBuildRepoMakesFromTheLibrarySources(@TempDir Path repo) throws Exception {
        requireMaven();
        ChildProcess built = ChildProcess.run(List.of("sh", FIXTURE.resolve("build-repo.sh").toString(),
                repo.toString()), FIXTURE, env -> { }, 120);
        assertEquals(0, built.exit(), built.err());
        assertEquals(texts(repo), texts(FIXTURE.resolve("repo")),
                "run build-repo.sh in fixtures/gate-maven after changing library/");
        assertTrue(Files.isRegularFile(repo.resolve("dev/pinver/fixtures/tinylib/0.47.0/tinylib-0.47.0.jar")));
    }

    private static void upgradeAndCheck(Path dir, Path local, Path cache) throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("the app").setAuthor(ME).setCommitter(ME).setSign(false).call();
            Files.writeString(dir.resolve("notes.txt"), "work in progress\n");
            String before = userState(git, dir);

            ChildProcess r = ChildProcess.run(List.of(ChildProcess.java(), "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "upgrade", "--run-tests", "--bisect", "--format", "json", "--cache-dir", cache.toString()),
                    dir, env -> env.put("MAVEN_OPTS", "-Dmaven.repo.local=" + local), 300);
            assertEquals(0, r.exit(), r.out() + r.err());

            JsonNode run = new ObjectMapper().readTree(r.out());
            assertEquals("passed", run.get("baseline").get("result").asText(), r.out());
            assertEquals(1, run.get("upgrades").size(), r.out());
            JsonNode upgrade = run.get("upgrades").get(0);
            assertEquals("0.45.0", upgrade.get("from").asText(), r.out());
            assertEquals("0.46.1", upgrade.get("to").asText(), r.out());
            assertEquals("passed", upgrade.get("result").asText(), r.out());
            assertEquals("pinver/dev.pinver.fixtures-tinylib-0.46", upgrade.get("branch").asText(), r.out());
            List<String> tried = new ArrayList<>();
            upgrade.get("tried").forEach(t -> tried.add(t.get("version").asText() + ":" + t.get("result").asText()));
            assertEquals(List.of("0.47.0:failed", "0.46.1:passed"), tried);
            String failedLog = Files.readString(dir.resolve(".git/pinver/logs/dev.pinver.fixtures-tinylib-0.47.0.log"));
            assertTrue(failedLog.contains("symbol:   method greet(java.lang.String)"), failedLog);

            String pom = blob(git, "pinver/dev.pinver.fixtures-tinylib-0.46:pom.xml");
            assertTrue(pom.contains("<artifactId>tinylib</artifactId>\n      <version>0.46.1</version>"), pom);
            assertEquals(Files.readString(FIXTURE.resolve("pom.xml")).replace("<version>0.45.0</version>",
                    "<version>0.46.1</version>"), pom, "only tinylib's version changes");
            RevCommit tip = git.getRepository().parseCommit(
                    git.getRepository().resolve("pinver/dev.pinver.fixtures-tinylib-0.46"));
            assertEquals(git.getRepository().resolve("main"), tip.getParent(0).getId(), "the branch starts at main");
            String message = tip.getFullMessage();
            assertTrue(message.contains("dev.pinver.fixtures:tinylib 0.45.0 → 0.46.1"), message);
            assertTrue(message.contains("dev.pinver.fixtures:tinylib 0.47.0 failed"), message);
            assertTrue(message.contains("1 passed, 0 failed"), "Surefire's counts are the evidence: " + message);
            assertNull(git.getRepository().resolve("refs/heads/pinver/dev.pinver.fixtures-tinylib-0.47"),
                    "no branch is left for the failing version");

            assertEquals(before, userState(git, dir));
            assertTrue(Files.isRegularFile(local.resolve("dev/pinver/fixtures/tinylib/0.46.1/tinylib-0.46.1.jar")),
                    "the gate's Maven took tinylib from the fixture's repository into the scratch local one");
        }
    }

    /** Each file under {@code dir} but the jars, by relative path, with its text. */
    private static Map<String, String> texts(Path dir) throws IOException {
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".jar")).toList()) {
                texts.put(dir.relativize(p).toString(), Files.readString(p));
            }
        }
        return texts;
    }

    /**
     * A local repository whose entries link to the user's ~/.m2/repository (the plugins and JUnit the fixture
     * builds with), except {@code dev/pinver}, so that tinylib lands in the scratch repository only.
     */
    private static void seedLocalRepository(Path local) throws IOException {
        linkChildren(USER_REPO, local, "dev");
        if (Files.isDirectory(USER_REPO.resolve("dev"))) {
            linkChildren(USER_REPO.resolve("dev"), Files.createDirectories(local.resolve("dev")), "pinver");
        }
    }

    private static void linkChildren(Path from, Path to, String except) throws IOException {
        try (Stream<Path> children = Files.list(from)) {
            for (Path child : children.toList()) {
                if (!child.getFileName().toString().equals(except)) {
                    Files.createSymbolicLink(to.resolve(child.getFileName().toString()), child);
                }
            }
        }
    }

    /** HEAD, the branch, git status, and the bytes of the files the user has. */
    private static String userState(Git git, Path dir) throws Exception {
        Status s = git.status().call();
        return String.join("\n", "HEAD " + git.getRepository().resolve("HEAD").name(),
                "branch " + git.getRepository().getFullBranch(),
                "added " + new TreeSet<>(s.getAdded()), "changed " + new TreeSet<>(s.getChanged()),
                "modified " + new TreeSet<>(s.getModified()), "missing " + new TreeSet<>(s.getMissing()),
                "removed " + new TreeSet<>(s.getRemoved()), "untracked " + new TreeSet<>(s.getUntracked()),
                "pom.xml " + Files.readString(dir.resolve("pom.xml")),
                "notes.txt " + Files.readString(dir.resolve("notes.txt")),
                "target " + Files.exists(dir.resolve("target")));
    }

    private static String blob(Git git, String revision) throws IOException {
        return new String(git.getRepository().open(git.getRepository().resolve(revision)).getBytes(),
                StandardCharsets.UTF_8);
    }

    /** The fixture's files, without what building it by hand leaves behind. */
    private static void copyFixture(Path target) throws IOException {
        TestFiles.copyTree(FIXTURE, target, p -> !p.startsWith("target") && !p.toString().endsWith(".jar"));
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Skips, with the reason, unless mvn runs and ~/.m2/repository exists (the gate builds offline from it). */
    private static void requireMaven() {
        String why = null;
        try {
            Process p = new ProcessBuilder("mvn", "-v").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                why = "mvn -v failed";
            }
        } catch (IOException e) {
            why = "no mvn on PATH (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = "interrupted";
        }
        if (why == null && !Files.isDirectory(USER_REPO)) {
            why = "no " + USER_REPO + " to build the fixture offline from";
        }
        if (why != null) {
            System.err.println("UpgradeMavenFixtureTest skipped: " + why);
        }
        Assumptions.assumeTrue(why == null, why);
    }
}
