package dev.pinver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM during a gate: the test command's whole tree dies, the checkouts go, the user's repository stays. */
class UpgradeSignalTest {

    @Test
    void sigtermStopsTheTestsAndLeavesNothingBehind(@TempDir Path dir, @TempDir Path work, @TempDir Path cache)
            throws Exception {
        Files.writeString(dir.resolve("package.json"),
                "{\"name\":\"a\",\"version\":\"1.0.0\",\"dependencies\":{\"cookie\":\"^0.6.0\"}}\n");
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent me = new PersonIdent("Dev", "dev@example.com");
            git.commit().setMessage("init").setAuthor(me).setCommitter(me).setSign(false).call();
        }
        String marker = "sleep 9" + ProcessHandle.current().pid() % 1000;
        String npm = Path.of("fixtures/registry/npm").toAbsolutePath().toUri().toString();
        Process pinver = new ProcessBuilder(List.of(ChildProcess.java(),
                "-Djava.io.tmpdir=" + work, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "upgrade", "--path", dir.toString(),
                "--registry", "npm=" + npm, "--cache-dir", cache.toString(), "--run-tests",
                "--test-cmd", "sh -c '" + marker + "'", "--install-cmd", "true"))
                .redirectErrorStream(true).redirectOutput(work.resolve("out.txt").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (running(marker) == 0 && System.nanoTime() < deadline && pinver.isAlive()) {
            Thread.sleep(100);
        }
        assertTrue(running(marker) > 0, "the test command never started: " + Files.readString(work.resolve("out.txt")));
        assertTrue(checkouts(work) > 0, "a gate runs in an isolated checkout");

        pinver.destroy();
        assertTrue(pinver.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, running(marker), "the test command and its children are gone");
        assertEquals(0, checkouts(work), "the isolated checkouts are gone");
        assertTrue(Files.notExists(dir.resolve(".git/pinver/journal")), "the journal lists nothing left to undo");
        try (Git git = Git.open(dir.toFile())) {
            assertTrue(git.status().call().isClean());
            assertEquals("main", git.getRepository().getBranch());
            assertEquals(1, git.branchList().call().size(), "no branch was made");
        }
    }

    private static long running(String marker) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker) && !c.contains("upgrade")).orElse(false))
                .count();
    }

    private static long checkouts(Path work) throws Exception {
        try (Stream<Path> s = Files.list(work)) {
            return s.filter(p -> p.getFileName().toString().startsWith("pinver-gate-")).count();
        }
    }

}
