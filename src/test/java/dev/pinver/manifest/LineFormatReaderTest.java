package dev.pinver.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins down the test stand-in reader, so that the editor tests rest on spans known to be right. */
class LineFormatReaderTest {

    private static final Path FILE = Path.of("deps.txt");

    @Test
    void readsEveryKindOfLineWithExactSpans() {
        String text = "\uFEFF# top\r\n"
                + "Alpha==1.0  # pinned\r\n"
                + "$v=2.5\r\n"
                + "[dev]\r\n"
                + "  beta==$v\r\n"
                + "gamma==\r\n"
                + "delta\r\n"
                + "???\r\n"
                + "eps==$nope";
        Manifest manifest = new LineFormatReader().read(FILE, text);

        assertEquals(List.of(
                "alpha|dependencies|1.0|2:8",
                "beta|dev|2.5|3:4",
                "gamma|dev||6:8",
                "delta|dev||7:6"), manifest.dependencies().stream().map(LineFormatReaderTest::describe).toList());
        for (Dependency d : manifest.dependencies()) {
            assertEquals(d.spec(), text.substring(d.span().start(), d.span().end()));
        }
        assertEquals(List.of("deps.txt:8:1: not a dependency: '???'", "deps.txt:9:6: undefined variable $nope"),
                manifest.problems().stream().map(Problem::oneLine).toList());
    }

    private static String describe(Dependency d) {
        return d.name() + "|" + d.section() + "|" + d.spec() + "|" + d.span().line() + ":" + d.span().column();
    }
}
