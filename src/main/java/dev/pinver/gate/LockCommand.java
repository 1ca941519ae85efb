package dev.pinver.gate;

import java.util.ArrayList;
import java.util.List;

/**
 * The command that updates a lock file for the packages being upgraded: {@code head}, then
 * {@code perPackage} once for each package with {@link #PACKAGE} replaced by its name, then {@code tail}.
 * {@code uv lock --upgrade-package fastapi} is head {@code [uv, lock]}, perPackage
 * {@code [--upgrade-package, {package}]}.
 */
public record LockCommand(List<String> head, List<String> perPackage, List<String> tail) {

    /** The placeholder in {@link #perPackage} for a package name. */
    public static final String PACKAGE = "{package}";

    public LockCommand {
        head = List.copyOf(head);
        perPackage = List.copyOf(perPackage);
        tail = List.copyOf(tail);
        if (head.isEmpty()) {
            throw new IllegalArgumentException("a lock command needs a program");
        }
    }

    /** A lock command that takes no package names, such as {@code poetry lock --no-update}. */
    public static LockCommand fixed(Command command) {
        return new LockCommand(command.argv(), List.of(), List.of());
    }

    /** The command line for upgrading {@code packages}. */
    public Command forPackages(List<String> packages) {
        List<String> argv = new ArrayList<>(head);
        if (!perPackage.isEmpty()) {
            for (String name : packages) {
                perPackage.forEach(arg -> argv.add(arg.replace(PACKAGE, name)));
            }
        }
        argv.addAll(tail);
        return new Command(argv);
    }
}
