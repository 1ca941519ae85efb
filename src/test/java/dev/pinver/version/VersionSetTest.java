package dev.pinver.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.function.BinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The generic {@link VersionSet} over PEP 440 versions: sets written as specifier sets, results as intervals. */
class VersionSetTest {

    private static final Pep440Scheme PEP440 = new Pep440Scheme();

    private static VersionSet<Pep440Version> s(String spec) {
        return PEP440.parseSpec(spec);
    }

    @TestFactory
    Stream<DynamicTest> operations() {
        BinaryOperator<VersionSet<Pep440Version>> union = VersionSet::union;
        BinaryOperator<VersionSet<Pep440Version>> intersect = VersionSet::intersect;
        BinaryOperator<VersionSet<Pep440Version>> minus = VersionSet::minus;
        return Stream.of(
                new Object[] {"∪", union, ">=1.0,<2.0", ">=2.0,<3.0", "[1.0, 2.0.dev0) ∪ [2.0, 3.0.dev0)"},
                new Object[] {"∪", union, ">=1.0,<2.0", ">=2.0.dev0,<3.0", "[1.0, 3.0.dev0)"},
                new Object[] {"∪", union, "==1.0", "!=1.0", "(, )"},
                new Object[] {"∪", union, "<1.0", ">1.0", "(, 1.0.dev0) ∪ (1.0.post∞, )"},
                new Object[] {"∩", intersect, ">=1.0", "<2.0", "[1.0, 2.0.dev0)"},
                new Object[] {"∩", intersect, "<1.0", ">=1.0", "{}"},
                new Object[] {"∩", intersect, "!=1.5.*", ">=1.0,<2.0", "[1.0, 1.5.dev0) ∪ [1.6.dev0, 2.0.dev0)"},
                new Object[] {"∩", intersect, "==1.0+a", "==1.0", "[1.0+a, 1.0+a]"},
                new Object[] {"∖", minus, ">=1.0,<2.0", "==1.5", "[1.0, 1.5) ∪ [1.5.post0.dev0, 2.0.dev0)"},
                new Object[] {"∖", minus, ">=1.0", ">=1.0", "{}"})
                .map(c -> dynamicTest(c[2] + " " + c[0] + " " + c[3] + " = " + c[4], () -> {
                    @SuppressWarnings("unchecked")
                    BinaryOperator<VersionSet<Pep440Version>> op = (BinaryOperator<VersionSet<Pep440Version>>) c[1];
                    assertEquals(c[4], op.apply(s((String) c[2]), s((String) c[3])).toString());
                }));
    }

    @TestFactory
    Stream<DynamicTest> complement() {
        return Stream.of(
                new String[] {">=1.0,<2.0", "(, 1.0) ∪ [2.0.dev0, )"},
                new String[] {"", "{}"},
                new String[] {"==1.0+a", "(, 1.0+a) ∪ (1.0+a, )"},
                new String[] {">1.0", "(, 1.0.post∞]"},
                new String[] {"<1.0,>=0.5 ", "(, 0.5) ∪ [1.0.dev0, )"})
                .map(c -> dynamicTest("'" + c[0] + "'", () -> {
                    assertEquals(c[1], s(c[0]).complement().toString());
                    assertEquals(s(c[0]), s(c[0]).complement().complement());
                }));
    }

    @Test
    void emptyAndAll() {
        assertTrue(VersionSet.<Pep440Version>none().complement().isAll());
        assertTrue(VersionSet.<Pep440Version>all().complement().isEmpty());
        assertTrue(s("").isAll());
        assertFalse(s("").hasUpperBound());
        assertTrue(s("<2").hasUpperBound());
    }

    @TestFactory
    Stream<DynamicTest> subsets() {
        return Stream.of(
                new Object[] {">=0.45.0,<0.46.0", "~=0.45.0", true},
                new Object[] {"~=0.45.0", ">=0.45.0,<0.46.0", true},
                new Object[] {"~=0.45", ">=0.45.0,<0.46.0", false},
                new Object[] {"==0.45.2", "~=0.45.0", true},
                new Object[] {"==0.45.*", "~=0.45.0", false},
                new Object[] {">0.45.0,<0.46", ">=0.45.0,<0.46.0", true},
                new Object[] {"<0.46", "<=0.46.0.dev0", true},
                new Object[] {"<=0.46.0.dev0", "<0.46", false},
                new Object[] {">=2.0,<1.0", "==7", true})
                .map(c -> dynamicTest(c[0] + " ⊆ " + c[1] + ": " + c[2],
                        () -> assertEquals(c[2], s((String) c[0]).isSubsetOf(s((String) c[1])))));
    }
}
