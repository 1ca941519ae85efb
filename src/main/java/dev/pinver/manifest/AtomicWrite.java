package dev.pinver.manifest;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pinver.Location;
import dev.pinver.PinverException;
import dev.pinver.manifest.ManifestEditor.Plan;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces whole files the safe way: the new bytes go to a temporary file beside the real file (a link
 * is followed to its target, so the link stays a link), are forced to disk and given the original's
 * owner, group and permissions; only when every file of the batch is staged and still holds the bytes
 * its plan was made from are they renamed over the originals, and their directories forced. Any failure
 * before the renames removes the temporary files and leaves every original untouched.
 */
final class AtomicWrite {

    private static final String TEMP_SUFFIX = ".pinver-tmp";

    private AtomicWrite() {
    }

    static void replaceAll(List<Plan> plans) {
        List<Staged> staged = new ArrayList<>();
        try {
            Set<Path> targets = new HashSet<>();
            for (Plan plan : plans) {
                Staged file = Staged.locate(plan);
                if (!targets.add(file.target)) {
                    throw fail(plan.file(), "is the same file as another one being written (through a link)");
                }
                staged.add(file);
                file.writeTemp();
            }
            for (Staged file : staged) {
                file.requireUnchanged();
            }
            List<Path> written = new ArrayList<>();
            for (Staged file : staged) {
                try {
                    file.rename();
                } catch (PinverException e) {
                    throw written.isEmpty() ? e : fail(file.plan.file(), e.getMessage() + " (already written: " + written + ")");
                }
                written.add(file.plan.file());
            }
            Set<Path> directories = new LinkedHashSet<>();
            staged.forEach(file -> directories.add(file.target.getParent()));
            directories.forEach(AtomicWrite::forceDirectory);
        } finally {
            staged.forEach(Staged::discard);
        }
    }

    /** One file on its way: the plan, the real file it replaces, and the temporary file once made. */
    private static final class Staged {

        final Plan plan;
        final Path target;
        Path temp;

        private Staged(Plan plan, Path target) {
            this.plan = plan;
            this.target = target;
        }

        static Staged locate(Plan plan) {
            Path target;
            try {
                target = plan.file().toRealPath();
                if (!writable(target)) {
                    throw fail(plan.file(), "read-only file; not changed");
                }
                if (!writable(target.getParent())) {
                    throw fail(plan.file(), "directory " + target.getParent() + " is read-only; the file cannot be replaced safely");
                }
            } catch (NoSuchFileException e) {
                throw fail(plan.file(), "no such file");
            } catch (IOException e) {
                throw fail(plan.file(), "cannot write: " + reason(e));
            }
            return new Staged(plan, target);
        }

        void writeTemp() {
            try {
                temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", TEMP_SUFFIX);
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    ByteBuffer bytes = ByteBuffer.wrap(plan.after().getBytes(UTF_8));
                    while (bytes.hasRemaining()) {
                        channel.write(bytes);
                    }
                    channel.force(true);
                }
                copyAttributes(target, temp);
            } catch (IOException e) {
                throw fail(plan.file(), "cannot write: " + reason(e));
            }
        }

        /** Refuses when the file no longer holds the exact bytes the plan was made from. */
        void requireUnchanged() {
            byte[] now;
            try {
                now = Files.readAllBytes(target);
            } catch (IOException e) {
                throw fail(plan.file(), "cannot read it again before writing: " + reason(e));
            }
            if (!Arrays.equals(now, plan.before().getBytes(UTF_8))) {
                throw fail(plan.file(), "changed on disk since it was read; not written");
            }
        }

        void rename() {
            try {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                temp = null;
            } catch (IOException e) {
                throw fail(plan.file(), "cannot replace: " + reason(e));
            }
        }

        void discard() {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // nothing more can be done; the original is untouched either way
                }
            }
        }
    }

    /**
     * Whether pinver may change {@code path}: the process must have write access, and, because root has
     * write access to everything, some write bit must be set, as editors treat a file without any as
     * read-only.
     */
    private static boolean writable(Path path) throws IOException {
        if (!Files.isWritable(path)) {
            return false;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view == null) {
            return true;
        }
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        return permissions.contains(PosixFilePermission.OWNER_WRITE)
                || permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE);
    }

    /**
     * Gives {@code temp} the permissions of {@code original}, and its owner and group where the process
     * may (only root can give a file away; otherwise the new file belongs to the user running pinver).
     */
    private static void copyAttributes(Path original, Path temp) throws IOException {
        PosixFileAttributeView from = Files.getFileAttributeView(original, PosixFileAttributeView.class);
        PosixFileAttributeView to = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (from == null || to == null) {
            return;
        }
        PosixFileAttributes wanted = from.readAttributes();
        PosixFileAttributes current = to.readAttributes();
        try {
            if (!wanted.group().equals(current.group())) {
                to.setGroup(wanted.group());
            }
            if (!wanted.owner().equals(current.owner())) {
                to.setOwner(wanted.owner());
            }
        } catch (IOException e) {
            // not permitted: keep the ownership the new file was created with
        }
        to.setPermissions(wanted.permissions());
    }

    /** Forces a directory's entries (the rename) to disk where the platform allows opening a directory. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not supported here (e.g. Windows); the rename itself has happened
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static PinverException fail(Path file, String message) {
        return PinverException.badInput(new Location(file, 1, 1), message);
    }
}
