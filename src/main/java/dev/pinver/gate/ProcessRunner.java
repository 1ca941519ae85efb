package dev.pinver.gate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@link Command} in a directory with a time limit, its standard output and error appended to a
 * log file, its standard input closed. When the limit passes, the whole process tree is killed: every
 * descendant found through {@link ProcessHandle#descendants()} (looked for again until none is left),
 * then the command itself.
 */
public final class ProcessRunner {

    /** Variables that would point a command run in a checkout at another repository (set when run from a git hook). */
    private static final List<String> GIT_LOCATION_VARIABLES = List.of(
            "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR",
            "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_PREFIX");
    private static final int KILL_ROUNDS = 10;
    private static final int POLL_MILLIS = 20;

    private ProcessRunner() {
    }

    /**
     * How a command ended.
     *
     * @param exitCode the exit status; -1 when it timed out or could not be started
     * @param timedOut whether the time limit passed and the process tree was killed
     * @param startError why the command could not be started (e.g. program not found); empty when it ran
     */
    public record Execution(Command command, int exitCode, boolean timedOut, long durationMs, String startError) {

        public boolean ok() {
            return !timedOut && startError.isEmpty() && exitCode == 0;
        }

        /** {@code exit 1 after 1234 ms}, {@code timed out after 30000 ms}, {@code cannot start: ...}. */
        public String describe() {
            if (!startError.isEmpty()) {
                return "cannot start: " + startError;
            }
            return timedOut ? "timed out after " + durationMs + " ms; process tree killed"
                    : "exit " + exitCode + " after " + durationMs + " ms";
        }
    }

    /** Runs {@code command} in {@code directory}, appending a header, its output and how it ended to {@code log}. */
    public static Execution run(Command command, Path directory, Duration timeout, Path log) {
        Logs.note(log, "$ " + command.display());
        ProcessBuilder builder = new ProcessBuilder(command.argv())
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        GIT_LOCATION_VARIABLES.forEach(environment::remove);
        long start = System.nanoTime();
        Execution execution;
        Process process = null;
        try {
            process = builder.start();
            RUNNING.add(process);
            process.getOutputStream().close();
            if (process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                execution = new Execution(command, process.exitValue(), false, millisSince(start), "");
            } else {
                killTree(process);
                execution = new Execution(command, -1, true, millisSince(start), "");
            }
        } catch (IOException e) {
            execution = new Execution(command, -1, false, millisSince(start), e.getMessage());
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            execution = new Execution(command, -1, true, millisSince(start), "");
        }
        if (process != null) {
            RUNNING.remove(process);
        }
        Logs.note(log, "[" + execution.describe() + "]");
        return execution;
    }

    /** The commands running now, so that an interrupted run can stop them. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    /** Kills every running command and all it started (on SIGTERM, Ctrl-C). */
    static void killAll() {
        List.copyOf(RUNNING).forEach(ProcessRunner::killTree);
    }

    /** Kills {@code process} and everything it started, however deep, waiting until they are gone. */
    static void killTree(Process process) {
        if (process == null) {
            return;
        }
        Set<ProcessHandle> known = new LinkedHashSet<>();
        known.add(process.toHandle());
        for (int round = 0; round < KILL_ROUNDS; round++) {
            List<ProcessHandle> targets = new ArrayList<>();
            for (ProcessHandle handle : List.copyOf(known)) {
                handle.descendants().forEach(targets::add);
            }
            known.addAll(targets);
            List<ProcessHandle> alive = known.stream().filter(ProcessHandle::isAlive).toList();
            if (alive.isEmpty()) {
                break;
            }
            alive.forEach(ProcessHandle::destroyForcibly);
            awaitGone(alive);
        }
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits briefly for killed processes to disappear, polling (the JVM polls slowly for processes that are not its children). */
    private static void awaitGone(List<ProcessHandle> killed) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (killed.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
