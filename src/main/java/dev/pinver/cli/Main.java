package dev.pinver.cli;

import dev.pinver.PinverException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pinver} command: wires the subcommands and maps failures to exit codes in one place. */
@Command(name = "pinver",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Keeps dependencies pinned to ranges that cannot break the project, and moves them forward only "
                + "when the project's own tests pass.",
        footer = {"", "Exit codes: 0 all good; 1 findings; 2 usage or bad input (one line with file:line:col); "
                + "3 registry or network failure that left the answer incomplete."})
public final class Main implements Runnable {

    /**
     * The subcommands, in the order help lists them. Picocli reads a command's annotations when the command
     * is added, so a run that names its command adds only that one (the others cost ~25 ms of start-up);
     * {@link #command} makes them with a switch rather than a map of constructor references, whose linking
     * loaded every command class at start-up (~7 ms).
     */
    private static final List<String> COMMANDS = List.of("check", "pin", "outdated", "notes", "upgrade", "explain", "help");

    private static Object command(String name) {
        return switch (name) {
            case "check" -> new CheckCommand();
            case "pin" -> new PinCommand();
            case "outdated" -> new OutdatedCommand();
            case "notes" -> new NotesCommand();
            case "upgrade" -> new UpgradeCommand();
            case "explain" -> new ExplainCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no command " + name);
        };
    }

    /** Exit codes of the contract in DESIGN.md. */
    static final int OK = 0;
    static final int FINDINGS = 1;
    static final int BAD_INPUT = 2;
    static final int NETWORK = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try: pinver check .)");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }

    /** Runs pinver with these streams and arguments and returns the exit code; the testable entry point. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        // every command for anything else: help, usage errors and the help command list or name them all
        boolean named = args.length > 0 && COMMANDS.contains(args[0]) && !args[0].equals("help");
        for (String name : COMMANDS) {
            if (!named || name.equals(args[0])) {
                cli.addSubcommand(name, command(name));
            }
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean debug = parseResult.hasMatchedOption("--debug")
                    || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
            return report(e, err, debug);
        });
        cli.setParameterExceptionHandler((e, args1) -> {
            err.println("pinver: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return BAD_INPUT;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static int report(Exception e, PrintWriter err, boolean debug) {
        if (debug) {
            e.printStackTrace(err);
        }
        if (e instanceof PinverException p) {
            err.println("pinver: " + p.oneLine());
            return switch (p.kind()) {
                case USAGE, BAD_INPUT -> BAD_INPUT;
                case NETWORK -> NETWORK;
            };
        }
        err.println("pinver: internal error: " + e + (debug ? "" : " (run with --debug for details)"));
        return 70;
    }

    /** Reads the version from the jar's manifest, so it is the pom's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"pinver " + version()};
        }
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
