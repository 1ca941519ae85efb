package dev.pinver.gate;

import dev.pinver.PinverException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryState;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * Where one gate edits, installs and tests: either a fresh checkout of the user's base commit in a temporary
 * directory (isolated; the user's working tree, index and HEAD are never touched, and a passing branch is
 * pushed back as a local branch), or the user's own working tree (in place; refused with uncommitted
 * changes, and the original branch checked out again on {@link #close}, whatever happened). Attempts
 * work on a detached HEAD at the base commit; only {@link #publish} names a branch.
 */
final class Checkout implements AutoCloseable {

    private static final int SHOWN_PATHS = 5;

    private final UserRepo user;
    private final Git git;
    private final ObjectId base;
    /** The clone's directory when isolated; null in place. */
    private final Path clone;
    /** In place: what HEAD was (a full branch ref name, or a commit id when detached). */
    private final String original;

    private Checkout(UserRepo user, Git git, ObjectId base, Path clone, String original) {
        this.user = user;
        this.git = git;
        this.base = base;
        this.clone = clone;
        this.original = original;
        Journal.record(user, entry());
    }

    /** How the journal names this checkout. */
    private String entry() {
        return clone != null ? Journal.checkout(clone) : Journal.inPlace(original);
    }

    /**
     * A new repository in a new directory under {@code workDir} that borrows the user's objects (git's
     * alternates, as {@code git clone --shared} does: nothing is copied, and nothing is ever written into
     * the user's object store through it), with a detached HEAD at {@code base} once {@link #resetToBase} ran.
     */
    static Checkout isolated(UserRepo user, ObjectId base, Path workDir) {
        Path directory;
        try {
            Files.createDirectories(workDir);
            directory = Files.createTempDirectory(workDir, "pinver-gate-");
            LIVE.put(directory, user);
        } catch (IOException e) {
            throw UserRepo.failure("cannot make a checkout directory in " + workDir, e);
        }
        Git git = null;
        try {
            try (Git init = Git.init().setDirectory(directory.toFile()).setInitialBranch("pinver-base").call()) {
                Path alternates = init.getRepository().getDirectory().toPath().resolve("objects").resolve("info")
                        .resolve("alternates");
                Files.createDirectories(alternates.getParent());
                Files.writeString(alternates, user.commonDirectory().resolve("objects").toAbsolutePath() + "\n");
            }
            git = Git.open(directory.toFile());
            try (RevWalk walk = new RevWalk(git.getRepository())) {
                walk.parseCommit(base);
            }
            return new Checkout(user, git, base, directory, null);
        } catch (GitAPIException | IOException | RuntimeException e) {
            if (git != null) {
                git.close();
            }
            deleteTree(directory);
            throw e instanceof PinverException p ? p : UserRepo.failure("cannot make a checkout of " + base.name(), e);
        }
    }

    /**
     * The user's own working tree; refuses tracked files with uncommitted changes, an operation in progress
     * (merge, rebase, ...), or a HEAD other than {@code base}. Untracked files are left where they are.
     */
    static Checkout inPlace(UserRepo user, ObjectId base) {
        try {
            RepositoryState state = user.repository().getRepositoryState();
            if (state != RepositoryState.SAFE) {
                throw new PinverException(PinverException.Kind.USAGE,
                        "the repository is in the middle of an operation (" + state.getDescription() + "); finish it first");
            }
            Status status = user.git().status().call();
            Set<String> dirty = status.getUncommittedChanges();
            if (!dirty.isEmpty()) {
                String shown = dirty.stream().sorted().limit(SHOWN_PATHS).collect(Collectors.joining(", "));
                throw new PinverException(PinverException.Kind.USAGE, "the working tree has uncommitted changes ("
                        + shown + (dirty.size() > SHOWN_PATHS ? ", ..." : "")
                        + "); commit or stash them, or run the gate isolated (without in-place)");
            }
            if (!base.equals(user.head())) {
                throw new PinverException(PinverException.Kind.USAGE,
                        "HEAD moved away from " + base.name() + " during the run; run upgrade again");
            }
            String full = user.repository().getFullBranch();
            return new Checkout(user, user.git(), base, null, full);
        } catch (GitAPIException | IOException e) {
            throw UserRepo.failure("cannot read the working tree's status", e);
        }
    }

    Path root() {
        return clone != null ? clone : user.root();
    }

    /**
     * A detached HEAD at the base commit with every tracked file as committed there; in a clone also
     * without untracked files (ignored ones, such as installed packages, stay for the next install).
     */
    void resetToBase() {
        try {
            if (clone == null || git.getRepository().resolve(Constants.HEAD) != null) {
                git.reset().setMode(ResetCommand.ResetType.HARD).call();
            }
            git.checkout().setName(base.name()).call();
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef(base.name()).call();
            if (clone != null) {
                git.clean().setCleanDirectories(true).setIgnore(true).call();
            }
        } catch (GitAPIException | IOException e) {
            throw UserRepo.failure("cannot reset the checkout to " + base.name(), e);
        }
    }

    /** Stages every change to a tracked file (the edits and what lock and install rewrote), before the tests run. */
    void stage() {
        try {
            git.add().setUpdate(true).addFilepattern(".").call();
        } catch (GitAPIException e) {
            throw UserRepo.failure("cannot stage the changes", e);
        }
    }

    /** Commits what {@link #stage} staged on the detached HEAD; no hooks, no signing. */
    ObjectId commit(String message, Identity identity) {
        PersonIdent who = new PersonIdent(identity.name(), identity.email());
        try {
            return git.commit().setMessage(message).setAuthor(who).setCommitter(who)
                    .setSign(false).setNoVerify(true).setAllowEmpty(false).call().getId();
        } catch (GitAPIException e) {
            throw UserRepo.failure("cannot commit", e);
        }
    }

    /** Makes {@code branch} in the user's repository point at {@code commit} (pushed from a clone). */
    void publish(String branch, ObjectId commit) {
        if (clone == null) {
            user.setBranch(branch, commit);
            return;
        }
        String ref = Constants.R_HEADS + branch;
        try {
            RefUpdate local = git.getRepository().updateRef(ref);
            local.setNewObjectId(commit);
            local.forceUpdate();
            Iterable<PushResult> results = git.push()
                    .setRemote(user.commonDirectory().toString())
                    .setRefSpecs(new RefSpec("+" + ref + ":" + ref))
                    .call();
            for (PushResult result : results) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    if (update.getStatus() != RemoteRefUpdate.Status.OK && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                        throw UserRepo.failure("cannot push " + branch + " into the repository: " + update.getStatus()
                                + (update.getMessage() != null ? " (" + update.getMessage() + ")" : ""), null);
                    }
                }
            }
        } catch (GitAPIException | IOException e) {
            throw UserRepo.failure("cannot push " + branch + " into the repository", e);
        }
    }

    /** Removes the clone; in place, discards changes to tracked files and checks the original branch out again. */
    @Override
    public void close() {
        if (clone != null) {
            git.close();
            try {
                deleteTree(clone);
            } catch (PinverException e) {
                // a leftover directory in the temporary directory harms nothing; the gate's result stands
            }
            LIVE.remove(clone);
            Journal.forget(user, entry());
            return;
        }
        try {
            git.reset().setMode(ResetCommand.ResetType.HARD).call();
            git.checkout().setName(original).call();
            git.reset().setMode(ResetCommand.ResetType.HARD).call();
            Journal.forget(user, entry());
        } catch (GitAPIException e) {
            throw UserRepo.failure("cannot check " + original + " out again; run `git checkout "
                    + Repository.shortenRefName(original) + "`", e);
        }
    }

    /** The isolated checkouts that exist now, each with the repository whose journal lists it, for an interrupted run. */
    private static final Map<Path, UserRepo> LIVE = new ConcurrentHashMap<>();

    /**
     * Removes every isolated checkout this process made and has not removed yet (on SIGTERM, Ctrl-C), and
     * its journal entry once it is gone.
     */
    static void removeAll() {
        for (Map.Entry<Path, UserRepo> live : List.copyOf(LIVE.entrySet())) {
            Path directory = live.getKey();
            try {
                deleteTree(directory);
                Journal.forget(live.getValue(), Journal.checkout(directory));
            } catch (PinverException e) {
                // shutting down: remove what can be removed; the journal keeps the rest for --abort
            }
            LIVE.remove(directory);
        }
    }

    /** Deletes a directory tree without following links, making read-only directories writable on the way. */
    static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    dir.toFile().setWritable(true, true);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw UserRepo.failure("cannot remove the checkout " + root, e);
        }
    }
}
