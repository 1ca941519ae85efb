package dev.pinver.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {

    @Option(names = "--policy", paramLabel = "NAME|FILE",
            description = "A policy preset (default, fastapi, strict) or a policy file; repeatable, later wins.")
    List<String> policies = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "The repository's policy file (default: the nearest .pinver.yaml above each manifest).")
    Path config;

    @Option(names = "--no-color", description = "Never colour the output (also: NO_COLOR in the environment).")
    boolean noColor;

    @Option(names = {"-q", "--quiet"}, description = "Print only findings and errors.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Explain what is being read and why.")
    boolean verbose;

    @Option(names = "--debug", description = "Show stack traces for internal errors.")
    boolean debug;

    /** Colour only on a terminal, and only when neither --no-color nor NO_COLOR says otherwise. */
    boolean color() {
        return !noColor && System.getenv("NO_COLOR") == null && System.console() != null;
    }
}
