package dev.pinver.gate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One command line run in a checkout: the program and its arguments, without a shell unless made
 * with {@link #shell}.
 *
 * @param argv the program followed by its arguments; never empty
 */
public record Command(List<String> argv) {

    public Command {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs a program");
        }
    }

    public static Command of(String... argv) {
        return new Command(List.of(argv));
    }

    /** A command line as a user writes it in a shell, run by {@code sh -c}. */
    public static Command shell(String line) {
        return new Command(List.of("sh", "-c", line));
    }

    /** The command as a user would type it, for logs, reports and commit messages. */
    public String display() {
        if (argv.size() == 3 && argv.get(0).equals("sh") && argv.get(1).equals("-c")) {
            return argv.get(2);
        }
        return argv.stream().map(Command::quoted).collect(Collectors.joining(" "));
    }

    private static String quoted(String arg) {
        if (!arg.isEmpty() && arg.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./=:@+,{}%".indexOf(c) >= 0)) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
