package dev.pinver.manifest;

import java.nio.file.Path;

/** Reads one manifest format from text already loaded; does no I/O of its own. */
public interface ManifestReader {

    /** Parses {@code text}, the whole content of {@code path}. Never throws for bad content: see {@link Manifest#problems()}. */
    Manifest read(Path path, String text);
}
