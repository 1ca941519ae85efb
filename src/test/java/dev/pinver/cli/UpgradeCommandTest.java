package dev.pinver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pinver upgrade} end to end: a real git repository, the offline npm registry, a real test command. */
class UpgradeCommandTest {

    private static final String NPM = Path.of("fixtures/registry/npm").toAbsolutePath().toUri().toString();

    /** A project whose tests pass while cookie stays below 1.0, with an uncommitted change of the user's. */
    private static Git project(Path dir) throws Exception {
        Files.writeString(dir.resolve("package.json"),
                "{\n  \"name\": \"app\",\n  \"version\": \"1.0.0\",\n  \"dependencies\": {\n    \"cookie\": \"^0.6.0\"\n  }\n}\n");
        Files.writeString(dir.resolve("test.sh"), "grep -q '\"cookie\": \"^0' package.json && echo '1 passed, 0 failed'"
                + " && exit 0\necho '0 passed, 1 failed'; exit 1\n");
        Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        git.add().addFilepattern(".").call();
        PersonIdent me = new PersonIdent("Dev", "dev@example.com");
        git.commit().setMessage("init").setAuthor(me).setCommitter(me).setSign(false).call();
        Files.writeString(dir.resolve("notes.txt"), "work in progress\n");
        return git;
    }

    @Test
    void withoutRunTestsItShowsThePlan(@TempDir Path dir, @TempDir Path cache) throws Exception {
        project(dir).close();
        Cli r = Cli.run("upgrade", "--path", dir.toString(), "--registry", "npm=" + NPM, "--cache-dir", cache.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("cookie 0.6.0 (^0.6.0) -> 1.0.2 (^1.0.2) in package.json; steps: 0.7.2, 1.0.2"),
                r.out());
    }

    @Test
    void bisectKeepsTheNewestPassingWindowOnABranchAndLeavesTheUserAlone(@TempDir Path dir, @TempDir Path cache)
            throws Exception {
        try (Git git = project(dir)) {
            String head = git.getRepository().resolve("HEAD").name();
            Cli r = Cli.run("upgrade", "cookie", "--path", dir.toString(), "--registry", "npm=" + NPM,
                    "--cache-dir", cache.toString(), "--run-tests", "--bisect", "--test-cmd", "sh test.sh",
                    "--install-cmd", "true", "--format", "json");
            assertEquals(0, r.exit(), r.out() + r.err());
            JsonNode run = new ObjectMapper().readTree(r.out());
            assertEquals("passed", run.get("baseline").get("result").asText());
            JsonNode upgrade = run.get("upgrades").get(0);
            assertEquals("cookie", upgrade.get("package").asText());
            assertEquals("0.7.2", upgrade.get("to").asText());
            assertEquals("passed", upgrade.get("result").asText());
            assertEquals("pinver/cookie-0.7", upgrade.get("branch").asText());
            assertEquals(List.of("1.0.2:failed", "0.7.2:passed"), tried(upgrade));

            assertEquals(head, git.getRepository().resolve("HEAD").name());
            assertEquals("main", git.getRepository().getBranch());
            assertEquals("work in progress\n", Files.readString(dir.resolve("notes.txt")));
            assertTrue(Files.readString(dir.resolve("package.json")).contains("\"cookie\": \"^0.6.0\""));
            String onBranch = new String(git.getRepository().open(git.getRepository().resolve(
                    "pinver/cookie-0.7:package.json")).getBytes());
            assertTrue(onBranch.contains("\"cookie\": \"^0.7.2\""), onBranch);
        }
    }

    @Test
    void theCommitMessageCarriesTheFlaggedReleaseNotes(@TempDir Path dir, @TempDir Path cache) throws Exception {
        try (Git git = project(dir)) {
            Path changelog = dir.resolve("cookie-history.md");
            Files.writeString(changelog, "# History\n\n## 1.0.2\n\n- Fix parsing\n\n## 0.7.2\n\n"
                    + "- BREAKING CHANGE: `parse` no longer decodes by default\n- Add `stringify`\n\n## 0.6.0\n\n- Old\n");
            Files.writeString(dir.resolve(".pinver.yaml"), "rules:\n  - package: cookie\n    notes: " + changelog + "\n");
            git.add().addFilepattern(".").call();
            PersonIdent me = new PersonIdent("Dev", "dev@example.com");
            git.commit().setMessage("policy").setAuthor(me).setCommitter(me).setSign(false).call();
            Cli r = Cli.run("upgrade", "cookie", "--path", dir.toString(), "--registry", "npm=" + NPM,
                    "--cache-dir", cache.toString(), "--run-tests", "--bisect", "--test-cmd", "sh test.sh",
                    "--install-cmd", "true");
            assertEquals(0, r.exit(), r.out() + r.err());
            String message = git.log().add(git.getRepository().resolve("pinver/cookie-0.7")).setMaxCount(1).call()
                    .iterator().next().getFullMessage();
            assertTrue(message.contains("- 0.7.2 [breaking] BREAKING CHANGE: parse no longer decodes by default"), message);
        }
    }

    /** Commits the policy files written in {@code dir}, then runs a bare gated upgrade there; it must pass. */
    private static Cli upgradeWithCommittedPolicies(Git git, Path dir, Path cache) throws Exception {
        git.add().addFilepattern(".").call();
        PersonIdent me = new PersonIdent("Dev", "dev@example.com");
        git.commit().setMessage("commands").setAuthor(me).setCommitter(me).setSign(false).call();
        Cli r = Cli.run("upgrade", "--path", dir.toString(), "--registry", "npm=" + NPM,
                "--cache-dir", cache.toString(), "--run-tests", "--bisect");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("cookie 0.6.0 -> 0.7.2: passed on pinver/cookie-0.7"), r.out());
        return r;
    }

    @Test
    void theRepositorysPolicyFileGivesTheCommands(@TempDir Path dir, @TempDir Path cache) throws Exception {
        try (Git git = project(dir)) {
            Files.writeString(dir.resolve(".pinver.yaml"), "upgrade:\n  test: sh test.sh\n  install: \"true\"\n");
            Cli r = upgradeWithCommittedPolicies(git, dir, cache);
            assertTrue(r.err().contains("pinver: .pinver.yaml gives tests: sh test.sh\n"), r.err());
            assertTrue(r.err().contains("pinver: .pinver.yaml gives install: true\n"), r.err());
        }
    }

    @Test
    void commandsComeAlsoFromThePolicyFilesItExtends(@TempDir Path dir, @TempDir Path cache) throws Exception {
        try (Git git = project(dir)) {
            Files.createDirectories(dir.resolve("ci"));
            Files.writeString(dir.resolve("ci/team.yaml"), "upgrade:\n  test: sh test.sh\n  install: \"false\"\n");
            Files.writeString(dir.resolve(".pinver.yaml"), "extends: [ci/team.yaml]\nupgrade:\n  install: \"true\"\n");
            Cli r = upgradeWithCommittedPolicies(git, dir, cache);
            assertTrue(r.err().contains("pinver: ci/team.yaml gives tests: sh test.sh\n"), r.err());
            assertTrue(r.err().contains("pinver: .pinver.yaml gives install: true\n"), r.err());
        }
    }

    @Test
    void aFailingUpgradeWithoutBisectExitsOne(@TempDir Path dir, @TempDir Path cache) throws Exception {
        try (Git git = project(dir)) {
            Cli r = Cli.run("upgrade", "--path", dir.toString(), "--registry", "npm=" + NPM,
                    "--cache-dir", cache.toString(), "--run-tests", "--test-cmd", "sh test.sh", "--install-cmd", "true");
            assertEquals(1, r.exit(), r.out() + r.err());
            assertTrue(r.out().contains("cookie 0.6.0 -> 1.0.2: failed"), r.out());
            assertEquals(null, git.getRepository().resolve("refs/heads/pinver/cookie-1"), "a failed branch is deleted");
        }
    }

    @Test
    void aFinishedRunLeavesNoJournalAndAbortUndoesAnInterruptedOne(@TempDir Path dir, @TempDir Path cache,
            @TempDir Path leftover) throws Exception {
        try (Git git = project(dir)) {
            Cli run = Cli.run("upgrade", "--path", dir.toString(), "--registry", "npm=" + NPM, "--cache-dir",
                    cache.toString(), "--run-tests", "--bisect", "--test-cmd", "sh test.sh", "--install-cmd", "true");
            assertEquals(0, run.exit(), run.err());
            Path journal = dir.resolve(".git/pinver/journal");
            assertTrue(!Files.exists(journal), "a run that ended leaves no journal");

            // what a run killed with SIGKILL leaves: a checkout directory, and an in-place run's branch switch
            Path checkout = Files.createDirectories(leftover.resolve("pinver-gate-1"));
            Files.writeString(checkout.resolve("package.json"), "{}");
            git.checkout().setCreateBranch(true).setName("elsewhere").call();
            Files.writeString(dir.resolve("test.sh"), "changed by the interrupted gate\n");
            Files.createDirectories(journal.getParent());
            Files.writeString(journal, "checkout " + checkout + "\nin-place refs/heads/main\n");

            Cli r = Cli.run("upgrade", "--path", dir.toString(), "--abort");
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("removed the checkout " + checkout), r.out());
            assertTrue(!Files.exists(checkout));
            assertEquals("main", git.getRepository().getBranch());
            assertTrue(Files.readString(dir.resolve("test.sh")).startsWith("grep"), "tracked changes discarded");
            assertEquals("work in progress\n", Files.readString(dir.resolve("notes.txt")), "untracked files stay");
            assertTrue(!Files.exists(journal));
            assertEquals("nothing to undo: no interrupted run\n",
                    Cli.run("upgrade", "--path", dir.toString(), "--abort").out());
        }
    }

    @Test
    void outsideAGitRepositoryIsAUsageError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"x\",\"version\":\"1.0.0\"}");
        Cli r = Cli.run("upgrade", "--path", dir.toString(), "--registry", "npm=" + NPM);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("not inside a git repository"), r.err());
    }

    private static List<String> tried(JsonNode upgrade) {
        List<String> out = new java.util.ArrayList<>();
        upgrade.get("tried").forEach(t -> out.add(t.get("version").asText() + ":" + t.get("result").asText()));
        return out;
    }
}
