package dev.pinver.gate;

import dev.pinver.PinverException;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.jgit.lib.Repository;

/**
 * Deterministic branch names, {@code <prefix><package>-<window>} ({@code pinver/fastapi-0.46}), so that a
 * rerun finds and updates the branch of an earlier run instead of adding another. A package name or window
 * becomes one ref component: an npm scope's {@code @} is dropped, every character other than ASCII letters,
 * digits, {@code .}, {@code _} and {@code -} becomes {@code -} ({@code @types/node} → {@code types-node},
 * {@code org.slf4j:slf4j-api} → {@code org.slf4j-slf4j-api}), runs of {@code -} or {@code .} collapse, and
 * what git forbids at the ends of a component ({@code .}, {@code -}, {@code .lock}) is removed.
 */
public final class BranchNames {

    private BranchNames() {
    }

    /** The branch for upgrading {@code packageName} into {@code window}. */
    public static String of(String prefix, String packageName, String window) {
        return checked(prefix, component(packageName) + "-" + component(window));
    }

    /** The branch for a group of packages upgraded together, {@code <prefix><group>}. */
    public static String ofGroup(String prefix, String group) {
        return checked(prefix, component(group));
    }

    /** Refuses a prefix that cannot start a branch name. */
    public static void requireValidPrefix(String prefix) {
        checked(prefix, "x");
    }

    /** {@code text} as one ref name component; never empty. */
    static String component(String text) {
        String s = text.strip();
        s = s.startsWith("@") ? s.substring(1) : s;
        s = s.replaceAll("[^A-Za-z0-9._-]", "-")
                .replaceAll("-{2,}", "-")
                .replaceAll("\\.{2,}", ".")
                .replaceAll("^[-.]+", "")
                .replaceAll("[-.]+$", "");
        if (s.toLowerCase(Locale.ROOT).endsWith(".lock")) {
            s = s.substring(0, s.length() - ".lock".length()) + "-lock";
        }
        return s.isEmpty() ? "unnamed" : s;
    }

    /** {@code prefix + rest} when git accepts it as a branch (JGit's rule, plus git's: no component ends in {@code .lock}). */
    private static String checked(String prefix, String rest) {
        String name = prefix + rest;
        boolean lockComponent = Arrays.stream(name.split("/")).anyMatch(c -> c.endsWith(".lock"));
        if (prefix.isEmpty() || lockComponent || !Repository.isValidRefName("refs/heads/" + name)) {
            throw new PinverException(PinverException.Kind.USAGE,
                    "branch prefix '" + prefix + "' does not make a valid branch name (" + name + ")");
        }
        return name;
    }
}
