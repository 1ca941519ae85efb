package dev.pinver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The top-level command: every subcommand is reachable however the run starts. */
class MainTest {

    @Test
    void helpListsEveryCommandInOrder() {
        Cli help = Cli.run("--help");
        assertEquals(0, help.exit());
        Matcher names = Pattern.compile("(?m)^  (\\w+) ").matcher(help.out().substring(help.out().indexOf("Commands:")));
        List<String> listed = names.results().map(m -> m.group(1)).toList();
        assertEquals(List.of("check", "pin", "outdated", "notes", "upgrade", "explain", "help"), listed);
    }

    @Test
    void aCommandsHelpIsTheSameAskedEitherWay() {
        Cli direct = Cli.run("outdated", "--help");
        Cli viaHelp = Cli.run("help", "outdated");
        assertEquals(0, direct.exit());
        assertTrue(direct.out().contains("\nUsage: pinver outdated ["), direct.out());
        assertEquals(direct.out(), viaHelp.out());
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Cli unknown = Cli.run("outdate");
        assertEquals(Main.BAD_INPUT, unknown.exit());
        assertTrue(unknown.err().contains("outdate"), unknown.err());
    }
}
