package dev.pinver.lock;

import java.nio.file.Path;

/** Reads one lock file format from text already loaded; does no I/O of its own. */
public interface LockReader {

    /**
     * The versions {@code text}, the whole content of {@code lockFile}, locks.
     *
     * @throws dev.pinver.PinverException of kind {@code BAD_INPUT}, located in {@code lockFile}, when the
     *     text is not a lock of this format
     */
    LockedVersions read(Path lockFile, String text);
}
