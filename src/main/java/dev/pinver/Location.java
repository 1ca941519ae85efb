package dev.pinver;

import java.nio.file.Path;

/** A place in a file: 1-based line and column (column counts characters from the line start). */
public record Location(Path file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
