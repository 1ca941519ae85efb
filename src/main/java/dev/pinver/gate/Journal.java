package dev.pinver.gate;

import dev.pinver.PinverException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * What a run has changed outside the gate's own objects, written down as it happens in
 * {@code .git/pinver/journal}: each isolated checkout directory, and the branch an in-place run must
 * return to. A run that ends normally leaves nothing; after a crash, {@code pinver upgrade --abort}
 * undoes what the journal lists.
 */
final class Journal {

    private static final String CHECKOUT = "checkout ";
    private static final String IN_PLACE = "in-place ";

    private Journal() {
    }

    static String checkout(Path directory) {
        return CHECKOUT + directory.toAbsolutePath();
    }

    static String inPlace(String originalBranch) {
        return IN_PLACE + originalBranch;
    }

    static synchronized void record(UserRepo user, String entry) {
        Path file = file(user);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, entry + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw UserRepo.failure("cannot write " + file, e);
        }
    }

    static synchronized void forget(UserRepo user, String entry) {
        Path file = file(user);
        try {
            if (!Files.exists(file)) {
                return;
            }
            List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            lines.remove(entry);
            if (lines.isEmpty()) {
                Files.delete(file);
            } else {
                Files.write(file, lines, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw UserRepo.failure("cannot update " + file, e);
        }
    }

    /**
     * Undoes what an interrupted run left: removes its checkouts, and after an in-place run discards
     * the changes to tracked files and checks the original branch out again. Returns what was done.
     */
    static List<String> abort(Path repository) {
        List<String> done = new ArrayList<>();
        try (UserRepo user = UserRepo.open(repository)) {
            Path file = file(user);
            if (!Files.exists(file)) {
                return done;
            }
            for (String entry : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (entry.startsWith(CHECKOUT)) {
                    Path directory = Path.of(entry.substring(CHECKOUT.length()));
                    if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
                        Checkout.deleteTree(directory);
                        done.add("removed the checkout " + directory);
                    }
                } else if (entry.startsWith(IN_PLACE)) {
                    String branch = entry.substring(IN_PLACE.length());
                    user.git().reset().setMode(ResetCommand.ResetType.HARD).call();
                    user.git().checkout().setName(branch).call();
                    done.add("checked " + branch + " out again, discarding the interrupted gate's changes");
                }
            }
            Files.delete(file);
        } catch (IOException | GitAPIException e) {
            throw new PinverException(PinverException.Kind.BAD_INPUT, "cannot undo the interrupted run: " + e.getMessage());
        }
        return done;
    }

    private static Path file(UserRepo user) {
        return user.commonDirectory().resolve("pinver").resolve("journal");
    }
}
