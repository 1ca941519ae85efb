package dev.pinver.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.PinverException;
import dev.pinver.manifest.ManifestEditor.Batch;
import dev.pinver.manifest.ManifestEditor.FileEdits;
import dev.pinver.manifest.ManifestEditor.Plan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Planning edits in memory: splicing, and every refusal, with the stand-in {@link LineFormatReader}. */
class ManifestEditorPlanTest {

    private static final Path FILE = Path.of("deps.txt");
    private static final LineFormatReader READER = new LineFormatReader();

    @Test
    void splicesSeveralEditsGivenInAnyOrder() {
        String text = "# tools\nalpha==1.0\nbeta==2.0.0  # keep\ngamma==3\ndelta==4.5\n";
        Plan plan = ManifestEditor.plan(new FileEdits(FILE, text, READER, List.of(
                edit(text, "delta", "4.5.1"),
                edit(text, "alpha", ">=1.0,<2.0"),
                edit(text, "beta", "2.1"))));

        assertEquals("# tools\nalpha==>=1.0,<2.0\nbeta==2.1  # keep\ngamma==3\ndelta==4.5.1\n", plan.after());
        assertEquals(text, plan.before());
        assertTrue(plan.changes());
    }

    @Test
    void keepsEveryCharacterOutsideTheSpans() {
        String text = "\uFEFF# caf\u00e9 \u2713 \uD834\uDD1E\r\nalpha==1.0\r\n\r\nzeta==0.1  # \u00e4\r\nomega==9";
        Plan plan = ManifestEditor.plan(new FileEdits(FILE, text, READER, List.of(
                edit(text, "zeta", "0.1.7"), edit(text, "omega", "10"))));

        assertEquals("\uFEFF# caf\u00e9 \u2713 \uD834\uDD1E\r\nalpha==1.0\r\n\r\nzeta==0.1.7  # \u00e4\r\nomega==10",
                plan.after());
    }

    @Test
    void insertsIntoAnEmptySpec() {
        String text = "alpha==\nbeta==1\n";
        Plan plan = ManifestEditor.plan(new FileEdits(FILE, text, READER, List.of(edit(text, "alpha", ">=2,<3"))));

        assertEquals("alpha==>=2,<3\nbeta==1\n", plan.after());
    }

    @Test
    void anEditOfASharedVariableChangesEveryDependencyUsingIt() {
        String text = "$v=1.0\nalpha==$v\nbeta==$v\n";
        Plan plan = ManifestEditor.plan(new FileEdits(FILE, text, READER, List.of(edit(text, "alpha", "1.1"))));

        assertEquals("$v=1.1\nalpha==$v\nbeta==$v\n", plan.after());
    }

    @Test
    void problemsTheFileAlreadyHadDoNotStopAnEdit() {
        String text = "???\nalpha==1.0\n";
        Plan plan = ManifestEditor.plan(new FileEdits(FILE, text, READER, List.of(edit(text, "alpha", "1.1"))));

        assertEquals("???\nalpha==1.1\n", plan.after());
    }

    @Test
    void noEditsPlanNoChange() {
        Plan plan = ManifestEditor.plan(new FileEdits(FILE, "alpha==1\n", READER, List.of()));

        assertFalse(plan.changes());
    }

    static Stream<Arguments> refusals() {
        String two = "alpha==1.0\nbeta==2.0\n";
        String shared = "$v=1.0\nalpha==2.0\nbeta==$v\n";
        return Stream.of(
                Arguments.of("expected text differs", "alpha==1.0\nbeta==2.5\n", List.of(edit(two, "beta", "2.1")),
                        "deps.txt:2:7: changed since it was read: expected '2.0', found '2.5'"),
                Arguments.of("file got shorter", "alpha==1.0\n", List.of(edit(two, "beta", "2.1")),
                        "deps.txt:2:7: changed since it was read: expected '2.0', found ''"),
                Arguments.of("control characters are escaped", "alpha==1.0\nbeta==\n\t\n", List.of(edit(two, "beta", "2.1")),
                        "deps.txt:2:7: changed since it was read: expected '2.0', found '\\n\\t\\n'"),
                Arguments.of("overlapping edits", two, List.of(edit(two, "beta", "2.1"), raw(two, 15, 19, "X")),
                        "deps.txt:2:7: overlaps the edit at 2:5; edits of one file must not overlap"),
                Arguments.of("the same span twice", two, List.of(edit(two, "beta", "2.1"), edit(two, "beta", "2.2")),
                        "deps.txt:2:7: overlaps the edit at 2:7; edits of one file must not overlap"),
                Arguments.of("not a version spec", two, List.of(raw(two, 0, 5, "ALPHA")),
                        "deps.txt:1:1: 'alpha' is not the version spec of a dependency; only version specs are edited"),
                Arguments.of("new problem", two, List.of(edit(two, "alpha", "1.0\n???")),
                        "deps.txt:2:1: after the edit the file would not read cleanly: not a dependency: '???'"),
                Arguments.of("a dependency added", two, List.of(edit(two, "alpha", "1.0\ngamma==3")),
                        "deps.txt:2:7: after the edit the file would declare gamma (dependencies) where it declared"
                                + " beta (dependencies)"),
                Arguments.of("a dependency appended", two, List.of(edit(two, "beta", "2.0\ngamma==3")),
                        "deps.txt:3:8: after the edit the file would declare gamma (dependencies) where it declared"
                                + " nothing"),
                Arguments.of("a section changed", two, List.of(edit(two, "alpha", "1.0\n[dev]")),
                        "deps.txt:2:7: after the edit the file would declare beta (dev) where it declared"
                                + " beta (dependencies)"),
                Arguments.of("edited spec reads differently", two, List.of(edit(two, "alpha", "1.1 # note")),
                        "deps.txt:1:8: after the edit alpha would read as '1.1', not '1.1 # note'"),
                Arguments.of("another dependency changed", shared, List.of(edit(shared, "alpha", "2.0\n$v=3.0")),
                        "deps.txt:1:4: the edit would also change beta from '1.0' to '3.0'"),
                Arguments.of("unpaired surrogate", two, List.of(edit(two, "alpha", "1.\uD800")),
                        "deps.txt:1:10: after the edit the file would not be valid Unicode (unpaired surrogate)"),
                Arguments.of("long text is shortened", "alpha==" + "8".repeat(70) + "\n",
                        List.of(edit("alpha==" + "9".repeat(70) + "\n", "alpha", "1")),
                        "deps.txt:1:8: changed since it was read: expected '" + "9".repeat(60) + "…', found '"
                                + "8".repeat(60) + "…'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refuses(String why, String text, List<Edit> edits, String oneLine) {
        PinverException refusal = assertThrows(PinverException.class,
                () -> ManifestEditor.plan(new FileEdits(FILE, text, READER, edits)));

        assertEquals(PinverException.Kind.BAD_INPUT, refusal.kind());
        assertEquals(oneLine, refusal.oneLine());
    }

    @Test
    void aBatchCollectsEveryRefusalAndPlansTheRest() {
        Path other = Path.of("other.txt");
        Path third = Path.of("third.txt");
        String text = "alpha==1.0\n";
        Batch batch = ManifestEditor.planAll(List.of(
                new FileEdits(FILE, text, READER, List.of(edit(text, "alpha", "1.1"))),
                new FileEdits(other, "alpha==1.5\n", READER, List.of(Edit.of(dependency(other, text, "alpha"), "2"))),
                new FileEdits(third, "x==1\n???\n", READER, List.of(Edit.of(dependency(third, "x==1\n", "x"), "1\n???"))),
                new FileEdits(Path.of("./deps.txt"), text, READER, List.of())));

        assertFalse(batch.ok());
        assertEquals(List.of("alpha==1.1\n"), batch.plans().stream().map(Plan::after).toList());
        assertEquals(List.of(
                "other.txt:1:8: changed since it was read: expected '1.0', found '1.5'",
                "third.txt:3:1: after the edit the file would not read cleanly: not a dependency: '???'",
                "./deps.txt:1:1: edits for this file were given twice"),
                batch.refusals().stream().map(PinverException::oneLine).toList());
        PinverException thrown = assertThrows(PinverException.class, () -> ManifestEditor.write(batch));
        assertEquals("other.txt:1:8: changed since it was read: expected '1.0', found '1.5'", thrown.oneLine());
    }

    @Test
    void anEditOfAnotherFileIsAProgrammingError() {
        String text = "alpha==1.0\n";
        Edit elsewhere = Edit.of(dependency(Path.of("other.txt"), text, "alpha"), "2");

        assertThrows(IllegalArgumentException.class, () -> new FileEdits(FILE, text, READER, List.of(elsewhere)));
    }

    /** Rewrites dependency {@code name}'s spec, as read from {@code text}. */
    static Edit edit(String text, String name, String replacement) {
        return Edit.of(dependency(FILE, text, name), replacement);
    }

    private static Edit raw(String text, int start, int end, String replacement) {
        return new Edit(FILE, Span.of(text, start, end), text.substring(start, end), replacement);
    }

    private static Dependency dependency(Path file, String text, String name) {
        List<Dependency> found = new ArrayList<>(READER.read(file, text).dependencies());
        found.removeIf(d -> !d.name().equals(name));
        assertEquals(1, found.size(), name + " in " + text);
        return found.get(0);
    }
}
