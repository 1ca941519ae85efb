package dev.pinver.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A command run to its end in a child process, as the end-to-end tests run pinver, python3 and the fixtures' scripts. */
record ChildProcess(int exit, String out, String err) {

    /**
     * Runs {@code command} in {@code cwd} with this process's environment as {@code environment} changes it; fails
     * the test, after killing the command and everything it started, when it takes over {@code timeoutSeconds}.
     */
    static ChildProcess run(List<String> command, Path cwd, Consumer<Map<String, String>> environment,
            int timeoutSeconds) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
        environment.accept(builder.environment());
        Path out = Files.createTempFile("pinver-child", ".out");
        Path err = Files.createTempFile("pinver-child", ".err");
        try {
            Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s:\n"
                        + Files.readString(err));
            }
            return new ChildProcess(p.exitValue(), Files.readString(out), Files.readString(err));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The java launcher of the JVM running the tests. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
