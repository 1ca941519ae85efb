package dev.pinver.report;

import java.nio.file.Path;

/** Paths as users see them: relative to the working directory when inside it, with forward slashes. */
public final class DisplayPath {

    private static final Path CWD = Path.of("").toAbsolutePath();

    private DisplayPath() {
    }

    public static String of(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path shown = abs.startsWith(CWD) ? CWD.relativize(abs) : abs;
        String s = shown.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }
}
