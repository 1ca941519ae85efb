package dev.pinver.gate;

import dev.pinver.PinverException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The user's repository, as the gate touches it: it reads HEAD and writes only branch refs under names the
 * gate chose, never HEAD, the index or the working tree (except in in-place mode, through {@link Checkout}).
 * A branch is the gate's to move or delete only when it is not checked out (nor was when the run began) and
 * its tip was committed by the gate's identity, so a branch a person committed to is never lost.
 */
final class UserRepo implements AutoCloseable {

    private final Repository repository;
    private final Git git;
    private final Optional<String> branchAtStart;

    private UserRepo(Repository repository) {
        this.repository = repository;
        this.git = new Git(repository);
        this.branchAtStart = currentBranch();
    }

    /** Opens the repository at or above {@code path}; refuses a bare repository or no repository. */
    static UserRepo open(Path path) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(path.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            throw new PinverException(PinverException.Kind.USAGE, path + " is not in a git repository");
        }
        try {
            Repository repository = builder.setMustExist(true).build();
            if (repository.isBare()) {
                repository.close();
                throw new PinverException(PinverException.Kind.USAGE, path + " is a bare repository; upgrade needs a working tree");
            }
            return new UserRepo(repository);
        } catch (IOException e) {
            throw failure("cannot open the repository at " + path, e);
        }
    }

    Git git() {
        return git;
    }

    Repository repository() {
        return repository;
    }

    Path root() {
        return repository.getWorkTree().toPath();
    }

    /** The repository directory whose objects and refs are shared by all its worktrees. */
    Path commonDirectory() {
        return repository.getCommonDirectory().toPath();
    }

    /** {@code .git/pinver/logs} (of this worktree, when the repository has several). */
    Path logs() {
        return repository.getDirectory().toPath().resolve("pinver").resolve("logs");
    }

    /** The commit HEAD points at; refuses a repository without commits. */
    ObjectId head() {
        try {
            ObjectId head = repository.resolve(Constants.HEAD + "^{commit}");
            if (head == null) {
                throw new PinverException(PinverException.Kind.USAGE, "the repository has no commits yet; nothing to upgrade from");
            }
            return head;
        } catch (IOException e) {
            throw failure("cannot read HEAD", e);
        }
    }

    /** The branch checked out now, by short name; empty when HEAD is detached. */
    Optional<String> currentBranch() {
        try {
            String full = repository.getFullBranch();
            return full != null && full.startsWith(Constants.R_HEADS)
                    ? Optional.of(full.substring(Constants.R_HEADS.length())) : Optional.empty();
        } catch (IOException e) {
            throw failure("cannot read HEAD", e);
        }
    }

    Optional<ObjectId> tip(String branch) {
        try {
            Ref ref = repository.exactRef(Constants.R_HEADS + branch);
            return ref == null ? Optional.empty() : Optional.ofNullable(ref.getObjectId());
        } catch (IOException e) {
            throw failure("cannot read branch " + branch, e);
        }
    }

    /** Why the gate may not move or delete {@code branch}; empty when it may. */
    Optional<String> refusal(String branch, Identity identity) {
        if (branchAtStart.equals(Optional.of(branch)) || currentBranch().equals(Optional.of(branch))) {
            return Optional.of("branch " + branch + " is checked out in the repository; left as it is");
        }
        Optional<ObjectId> tip = tip(branch);
        if (tip.isEmpty()) {
            return Optional.empty();
        }
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(tip.get());
            if (!commit.getCommitterIdent().getEmailAddress().equals(identity.email())) {
                return Optional.of("branch " + branch + " holds commits not made by " + identity.name() + " <"
                        + identity.email() + ">; left as it is");
            }
            return Optional.empty();
        } catch (IOException e) {
            throw failure("cannot read branch " + branch, e);
        }
    }

    /** Points {@code branch} at {@code commit}, creating or moving it. */
    void setBranch(String branch, ObjectId commit) {
        try {
            RefUpdate update = repository.updateRef(Constants.R_HEADS + branch);
            update.setNewObjectId(commit);
            update.setRefLogMessage("pinver: upgrade gate passed", false);
            RefUpdate.Result result = update.forceUpdate();
            switch (result) {
                case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> {
                }
                default -> throw failure("cannot set branch " + branch + ": " + result, null);
            }
        } catch (IOException e) {
            throw failure("cannot set branch " + branch, e);
        }
    }

    /** Deletes {@code branch} if it exists. */
    void deleteBranch(String branch) {
        if (tip(branch).isEmpty()) {
            return;
        }
        try {
            RefUpdate update = repository.updateRef(Constants.R_HEADS + branch);
            update.setForceUpdate(true);
            RefUpdate.Result result = update.delete();
            if (result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NO_CHANGE) {
                throw failure("cannot delete branch " + branch + ": " + result, null);
            }
        } catch (IOException e) {
            throw failure("cannot delete branch " + branch, e);
        }
    }

    @Override
    public void close() {
        git.close();
        repository.close();
    }

    /** A git operation that failed on the local repository, as a one-line error. */
    static PinverException failure(String what, Exception cause) {
        String reason = cause == null ? "" : ": " + (cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName());
        PinverException e = new PinverException(PinverException.Kind.BAD_INPUT, "git: " + what + reason);
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }
}
