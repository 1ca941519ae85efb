package dev.pinver.gate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pinver.manifest.Ecosystem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A user's repository for the gate tests, made with JGit in a temporary directory from
 * {@code src/test/resources/gate/project}: a requirements.txt and a {@code check.sh} "test suite" that
 * passes or fails by the versions pinned there, counting its runs in a file outside the repository.
 * Its state is read back with the git command line, independently of JGit.
 */
final class SampleRepo {

    static final PersonIdent DEVELOPER = new PersonIdent("Dev", "dev@example.com");
    static final String REQUIREMENTS = "requirements.txt";

    final Path root;
    final Path runs;
    final Path pids;
    final Path work;

    private SampleRepo(Path root, Path runs, Path pids, Path work) {
        this.root = root;
        this.runs = runs;
        this.pids = pids;
        this.work = work;
    }

    /** A repository on branch main with one commit of the sample project, requirements.txt as given. */
    static SampleRepo create(Path temp, String requirements) throws IOException, GitAPIException {
        Path root = temp.resolve("repo");
        Files.createDirectories(root);
        for (String name : List.of("check.sh", "README.md")) {
            try (InputStream in = SampleRepo.class.getResourceAsStream("/gate/project/" + name)) {
                Files.copy(in, root.resolve(name));
            }
        }
        Files.writeString(root.resolve(REQUIREMENTS), requirements, UTF_8);
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("the sample project").setAuthor(DEVELOPER).setCommitter(DEVELOPER).setSign(false).call();
        }
        return new SampleRepo(root, temp.resolve("runs.txt"), temp.resolve("pids.txt"), temp.resolve("work"));
    }

    static SampleRepo create(Path temp) throws IOException, GitAPIException {
        try (InputStream in = SampleRepo.class.getResourceAsStream("/gate/project/" + REQUIREMENTS)) {
            return create(temp, new String(in.readAllBytes(), UTF_8));
        }
    }

    /** A linked worktree of this repository on a new branch, sharing its run counter and work directory. */
    SampleRepo worktree(Path where, String branch) throws IOException {
        git("worktree", "add", "-q", "-b", branch, where.toString());
        return new SampleRepo(where, runs, pids, work);
    }

    /** The sample's test command. */
    Command test() {
        return Command.of("sh", "check.sh", runs.toString(), pids.toString());
    }

    GateOptions options() {
        return GateOptions.defaults().withWorkDir(work);
    }

    Gate open(GateOptions options) {
        return Gate.open(root, Toolchain.testing(test()), options);
    }

    /** How many times check.sh ran. */
    int runs() throws IOException {
        return Files.exists(runs) ? Files.readAllLines(runs).size() : 0;
    }

    /**
     * Uncommitted work of every kind: a stash, a staged change to requirements.txt, an unstaged change to
     * README.md and an untracked file.
     */
    void makeDirty() throws IOException, GitAPIException {
        try (Git git = Git.open(root.toFile())) {
            Files.writeString(root.resolve("README.md"), "stashed work\n", UTF_8, java.nio.file.StandardOpenOption.APPEND);
            git.stashCreate().setPerson(DEVELOPER).setWorkingDirectoryMessage("work in progress").call();
            String requirements = Files.readString(root.resolve(REQUIREMENTS));
            Files.writeString(root.resolve(REQUIREMENTS), requirements.replace("httpx>=0.26.0", "httpx>=0.26.1"), UTF_8);
            git.add().addFilepattern(REQUIREMENTS).call();
            Files.writeString(root.resolve("README.md"), "unstaged edit\n", UTF_8, java.nio.file.StandardOpenOption.APPEND);
            Files.writeString(root.resolve("scratch.txt"), "untracked\n", UTF_8);
        }
    }

    /** An upgrade of fastapi from 0.45.1 to each of {@code versions} (oldest first), each in its minor window. */
    static UpgradeRequest fastapi(String... versions) {
        return request("fastapi", "0.45.1", ">=0.45.0,<0.46.0", versions);
    }

    static UpgradeRequest request(String name, String from, String fromSpec, String... versions) {
        List<Candidate> candidates = new ArrayList<>();
        for (String version : versions) {
            String[] parts = version.split("\\.");
            int major = Integer.parseInt(parts[0]);
            int minor = Integer.parseInt(parts[1]);
            String spec;
            String window;
            if (major == 0) {
                spec = ">=0." + minor + ".0,<0." + (minor + 1) + ".0";
                window = "0." + minor;
            } else {
                spec = ">=" + major + "." + minor + ".0,<" + (major + 1) + ".0.0";
                window = String.valueOf(major);
            }
            candidates.add(new Candidate(version, spec, window, Edits.setSpec(REQUIREMENTS, name, spec)));
        }
        return new UpgradeRequest(name, Ecosystem.PYPI, Path.of(REQUIREMENTS), from, fromSpec, candidates,
                "Release notes summary for " + name + ".");
    }

    /** Everything about the user's side of the repository that the gate must leave as it was. */
    record State(String head, String symbolicHead, String status, String index, String stash, Map<String, String> files) {
    }

    State state() throws IOException {
        return new State(git("rev-parse", "HEAD"), git("symbolic-ref", "-q", "HEAD"),
                git("status", "--porcelain=v1", "--untracked-files=all", "--ignored"),
                git("ls-files", "--stage"), git("stash", "list", "--format=%H %gs"), fileHashes());
    }

    /** The branches under refs/heads, by short name. */
    List<String> branches() throws IOException {
        String out = git("for-each-ref", "--format=%(refname:short)", "refs/heads");
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    /** The text of {@code path} in the tip of {@code branch}. */
    String fileOn(String branch, String path) throws IOException {
        try (Git git = Git.open(root.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
            Repository repository = git.getRepository();
            RevCommit commit = walk.parseCommit(repository.resolve(Constants.R_HEADS + branch));
            try (TreeWalk tree = TreeWalk.forPath(repository, path, commit.getTree())) {
                return new String(repository.open(tree.getObjectId(0)).getBytes(), UTF_8);
            }
        }
    }

    RevCommit tip(String branch) throws IOException {
        try (Git git = Git.open(root.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
            ObjectId id = git.getRepository().resolve(Constants.R_HEADS + branch);
            RevCommit commit = walk.parseCommit(id);
            walk.parseBody(commit);
            return commit;
        }
    }

    /** Runs the git command line in the repository and returns its trimmed output; fails on a non-zero exit except for symbolic-ref. */
    String git(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), UTF_8).strip();
        try {
            int exit = process.waitFor();
            if (exit != 0 && !args[0].equals("symbolic-ref")) {
                throw new IOException(String.join(" ", command) + " exited " + exit + ": " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out;
    }

    private Map<String, String> fileHashes() throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        Path git = root.resolve(".git");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).filter(f -> !f.startsWith(git))::iterator) {
                hashes.put(root.relativize(file).toString(), sha256(Files.readAllBytes(file)));
            }
        }
        return hashes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asserts that nothing the user can see changed, and that no checkout was left behind. */
    void assertUntouched(State before) throws IOException {
        assertEquals(before, state(), "the user's HEAD, branch, index, stash and files");
        if (Files.isDirectory(work)) {
            try (Stream<Path> left = Files.list(work)) {
                assertEquals(List.of(), left.toList(), "checkouts left in the work directory");
            }
        }
    }
}
