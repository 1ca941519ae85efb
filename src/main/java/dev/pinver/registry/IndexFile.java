package dev.pinver.registry;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One distribution file as an index lists it, before files are merged into releases.
 *
 * @param version the version text from the file name or the JSON API's release key, not yet validated
 * @param filename the file's name
 * @param uploaded its upload time, when the index gives it
 * @param yanked whether it is yanked
 * @param yankedReason the reason, when yanked with one
 * @param requiresPython its {@code Requires-Python}, when given
 */
record IndexFile(String version, String filename, Optional<Instant> uploaded, boolean yanked,
        Optional<String> yankedReason, Optional<String> requiresPython) {

    /** Writes {@code files} for a {@link Reduction}; {@link #readAll} reads them back. */
    static void writeAll(List<IndexFile> files, DataOutput out) throws IOException {
        out.writeInt(files.size());
        for (IndexFile f : files) {
            Reduction.writeString(out, f.version());
            Reduction.writeString(out, f.filename());
            Reduction.writeOptionalInstant(out, f.uploaded());
            out.writeBoolean(f.yanked());
            Reduction.writeOptionalString(out, f.yankedReason());
            Reduction.writeOptionalString(out, f.requiresPython());
        }
    }

    static List<IndexFile> readAll(DataInput in) throws IOException {
        return Reduction.readList(in, file -> new IndexFile(Reduction.readString(file), Reduction.readString(file),
                Reduction.readOptionalInstant(file), file.readBoolean(), Reduction.readOptionalString(file),
                Reduction.readOptionalString(file)));
    }
}
