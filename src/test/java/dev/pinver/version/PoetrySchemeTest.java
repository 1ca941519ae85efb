package dev.pinver.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Poetry constraints. The membership table was produced by poetry-core 2.5.0
 * ({@code parse_constraint(c).allows(Version.parse(v))}); the second column is poetry-core's own
 * rendering of the constraint, kept for the reader.
 */
class PoetrySchemeTest {

    private static final PoetryScheme POETRY = new PoetryScheme();

    private record Row(String constraint, String poetryRendering, List<String> checks) {
    }

    private static Row row(String constraint, String rendering, String... checks) {
        return new Row(constraint, rendering, List.of(checks));
    }

    private static final List<Row> MEMBERSHIP = List.of(
        row("^0.45", ">=0.45,<0.46", "0.45.0.dev0=false", "0.45.0=true", "0.45.0+l=true", "0.45.99=true", "0.46.0.dev0=false", "0.46.0a1=false", "0.46.0=false"),
        row("^0.0.3", ">=0.0.3,<0.0.4", "0.0.3=true", "0.0.3.post1=true", "0.0.4.dev0=false", "0.0.4=false"),
        row("^0", ">=0,<1", "0=true", "0.99=true", "1.0a1=false", "1.0=false"),
        row("^1.2.3", ">=1.2.3,<2.0.0", "1.2.2=false", "1.2.3=true", "1.99=true", "2.0.0.dev0=false", "2.0.0=false"),
        row("^0.0", ">=0.0,<0.1", "0.0.5=true", "0.1.0.dev0=false", "0.1.0=false"),
        row("~1.2.3", ">=1.2.3,<1.3.0", "1.2.3=true", "1.2.99=true", "1.3.0rc1=false", "1.3.0=false"),
        row("~1.2", ">=1.2,<1.3", "1.2=true", "1.2.9=true", "1.3.dev0=false"),
        row("~1", ">=1,<2", "1.0=true", "1.9=true", "2.0a1=false"),
        row("~=1.2", ">=1.2,<2.0", "1.2=true", "1.9=true", "2.0.dev0=false"),
        row("~=1.2.3", ">=1.2.3,<1.3.0", "1.2.3=true", "1.2.9=true", "1.3.0a1=false"),
        row("~=1", ">=1,<2", "1.5=true", "2.0=false"),
        row("*", "*", "0.dev0=true", "99=true"),
        row("1.2.3", "1.2.3", "1.2.3=true", "1.2.3.0=true", "1.2.3+l=true", "1.2.3.post1=false", "1.2.3a1=false"),
        row("1.2.*", "==1.2.*", "1.2.dev0=true", "1.2.5=true", "1.3.dev0=false"),
        row("!=1.2.*", "!=1.2.*", "1.1=true", "1.2.5=false", "1.3=true"),
        row("!=2", "!=2", "1.9=true", "2.dev1=true", "2=false", "2+local=false", "2.post1=true", "2.0.1=true"),
        row(">1.2", ">1.2", "1.2=false", "1.2+l=false", "1.2.post1=false", "1.2.0.1.dev0=true", "1.2.1=true"),
        row(">1.0a1", ">1.0a1", "1.0a1+l=false", "1.0a1.post1=false", "1.0a2.dev0=true"),
        row("<2", "<2", "1.9.post1=true", "2.0.dev0=false", "2.0a1=false"),
        row("<=2", "<=2", "2=true", "2+l=true", "2.post0.dev0=false", "2.post0=false"),
        row(">=1.2.*", ">=1.2", "1.2.dev0=false", "1.2=true"),
        row(">=1.2,<2", ">=1.2,<2", "1.2=true", "1.99=true", "2.0a1=false"),
        row(">= 1.2, < 2", ">=1.2,<2", "1.2=true", "2.0=false"),
        row(">=1.2 <2", ">=1.2,<2", "1.2=true", "2.0=false"),
        row("> 1.2 <2", ">1.2,<2", "1.2=false", "1.3=true"),
        row("^1.2 || ^2.0", ">=1.2,<2.0 || >=2.0,<3.0", "1.2=true", "1.9=true", "2.0a1=false", "2.0=true", "3.0.dev0=false"),
        row("^1.2 | ^2.0", ">=1.2,<2.0 || >=2.0,<3.0", "2.5=true"),
        row("^1.2,^1.3", ">=1.3,<2.0", "1.2.5=false", "1.3=true"),
        row("<>1.2", "1.2", "1.2=true", "1.3=false"),
        row("=1.2", "1.2", "1.2=true", "1.2.1=false"),
        row("==v1.2", "1.2", "1.2=true"),
        row("1.2rc1.*", ">=1.2rc1.dev0,<1.2rc2.dev0", "1.2rc1.dev0=true", "1.2rc1.post3=true", "1.2rc2.dev0=false"),
        row("dev", "0.0.dev0", "0.0.dev0=true", "0.0=false"),
        row("1.2,", "1.2", "1.2=true"),
        row("x", "*", "5=true"),
        row("1.2+abc", "1.2+abc", "1.2+abc=true", "1.2=false"));

    @TestFactory
    Stream<DynamicTest> admitsWhatPoetryCoreAdmits() {
        return MEMBERSHIP.stream().flatMap(r -> r.checks().stream().map(check -> {
            String version = check.substring(0, check.indexOf('='));
            boolean expected = Boolean.parseBoolean(check.substring(check.indexOf('=') + 1));
            return dynamicTest(r.constraint() + " (" + r.poetryRendering() + ") admits " + version + ": " + expected,
                    () -> assertEquals(expected, POETRY.parseSpec(r.constraint()).contains(POETRY.parseVersion(version))));
        }));
    }

    @TestFactory
    Stream<DynamicTest> intervals() {
        return Stream.of(
                new String[] {"^0.45", "[0.45, 0.46.dev0)"},
                new String[] {"^0.0.3", "[0.0.3, 0.0.4.dev0)"},
                new String[] {"^0", "[0, 1.dev0)"},
                new String[] {"^1.2.3", "[1.2.3, 2.dev0)"},
                new String[] {"~1.2.3", "[1.2.3, 1.3.dev0)"},
                new String[] {"~1.2", "[1.2, 1.3.dev0)"},
                new String[] {"~1", "[1, 2.dev0)"},
                new String[] {"~=1.4.5", "[1.4.5, 1.5.0.dev0)"},
                new String[] {"*", "(, )"},
                new String[] {"", "(, )"},
                new String[] {"1.2.3", "[1.2.3, 1.2.3.post0.dev0)"},
                new String[] {"^1.2 || ^2.0", "[1.2, 2.dev0) ∪ [2.0, 3.dev0)"},
                new String[] {">=1.2,<1.5 || >=1.4,<2", "[1.2, 2.dev0)"},
                new String[] {"!=1.2.*", "(, 1.2.dev0) ∪ [1.3.dev0, )"})
                .map(c -> dynamicTest(c[0] + " → " + c[1], () -> assertEquals(c[1], POETRY.parseSpec(c[0]).toString())));
    }

    @TestFactory
    Stream<DynamicTest> rejectsWhatPoetryCoreRejects() {
        // each rejected by poetry-core 2.5.0 with ParseConstraintError; the offset is where the problem starts
        return Stream.of(
                new Object[] {"===1.2", 2},
                new Object[] {"1.2.x", 3},
                new Object[] {">=1.2,,<2", 5},
                new Object[] {"1.2 - 2.0", 3},
                new Object[] {"^", 1},
                new Object[] {"1.2 ||", 6},
                new Object[] {"~=", 2},
                new Object[] {"abc", 0},
                new Object[] {">=1.2,<", 7},
                new Object[] {"1.2.3 ^", 7},
                new Object[] {",>=1.0", 0},
                new Object[] {">=1 || ,<2", 7},
                new Object[] {", 1.0", 0})
                .map(c -> dynamicTest((String) c[0], () -> assertEquals(c[1],
                        assertThrows(InvalidSpecException.class, () -> POETRY.parseSpec((String) c[0])).offset())));
    }

    @TestFactory
    Stream<DynamicTest> formatWindow() {
        return Stream.of(
                new Object[] {"0.45.0", "0.46.0", SpecStyle.CARET, "^0.45.0"},
                new Object[] {"0.45.3", "0.46.0", SpecStyle.CARET, "^0.45.3"},
                new Object[] {"1.4.2", "2.0.0", SpecStyle.CARET, "^1.4.2"},
                new Object[] {"0.0.7", "0.0.8", SpecStyle.CARET, "^0.0.7"},
                new Object[] {"0.0.0", "0.1.0", SpecStyle.CARET, "^0.0"},
                new Object[] {"1.4.2", "1.5.0", SpecStyle.CARET, null},
                new Object[] {"0.45.0", null, SpecStyle.CARET, null},
                new Object[] {"0.45.0", "0.46.0", SpecStyle.TILDE, "~0.45.0"},
                new Object[] {"1.0.0", "2.0.0", SpecStyle.TILDE, "~1"},
                new Object[] {"1.4.2", "2.0.0", SpecStyle.TILDE, null},
                new Object[] {"0.45.0", "0.46.0", SpecStyle.RANGE, ">=0.45.0,<0.46.0"},
                new Object[] {"0.45.0", null, SpecStyle.RANGE, ">=0.45.0"},
                new Object[] {"0.45.3", "0.46.0", SpecStyle.COMPATIBLE, "~=0.45.3"},
                new Object[] {"0.45.0", "0.46.0", SpecStyle.EXACT, "0.45.0"})
                .map(c -> dynamicTest(c[2] + " " + c[0] + " → " + c[1], () -> {
                    Pep440Version from = POETRY.parseVersion((String) c[0]);
                    Pep440Version to = c[1] == null ? null : POETRY.parseVersion((String) c[1]);
                    Optional<String> written = POETRY.formatWindow(from, to, (SpecStyle) c[2]);
                    assertEquals(Optional.ofNullable((String) c[3]), written);
                    if (written.isPresent() && c[2] != SpecStyle.EXACT) {
                        // what is written reads back as exactly the window [from, lowestOf(to))
                        VersionSet<Pep440Version> window = VersionSet.of(to == null ? Interval.atLeast(from)
                                : Interval.halfOpen(from, POETRY.lowestOf(POETRY.release(to))));
                        assertEquals(window, POETRY.parseSpec(written.get()));
                    }
                }));
    }
}
