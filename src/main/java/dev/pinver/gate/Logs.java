package dev.pinver.gate;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;

/** The log files of gate runs: created empty, appended to by pinver and by the commands it runs, read back in part. */
final class Logs {

    /** At most this many bytes are read back from a log, so that a runaway test output cannot exhaust memory. */
    private static final int READ_LIMIT = 4 << 20;

    private Logs() {
    }

    /** Creates {@code log} (and its directory) empty, replacing the log of an earlier run of the same attempt. */
    static void start(Path log) {
        try {
            Files.createDirectories(log.getParent());
            Files.write(log, new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create log " + log, e);
        }
    }

    /** Appends one line written by pinver itself. */
    static void note(Path log, String line) {
        try {
            Files.writeString(log, line + "\n", UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write log " + log, e);
        }
    }

    static long size(Path log) {
        try {
            return Files.size(log);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The text written from byte {@code from} on (only its last {@value #READ_LIMIT} bytes), bad UTF-8 replaced. */
    static String readFrom(Path log, long from) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(from, file.length() - READ_LIMIT);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            return UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IOException e) {
            return "";
        }
    }

    /** The last {@code lines} lines of the log, for reports. */
    static String tail(Path log, int lines) {
        Deque<String> kept = new ArrayDeque<>();
        for (String line : readFrom(log, 0).split("\r?\n", -1)) {
            kept.addLast(line);
            if (kept.size() > lines + 1) {
                kept.removeFirst();
            }
        }
        if (!kept.isEmpty() && kept.peekLast().isEmpty()) {
            kept.removeLast();
        }
        while (kept.size() > lines) {
            kept.removeFirst();
        }
        return String.join("\n", kept);
    }
}
