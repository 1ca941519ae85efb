package dev.pinver.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Counts read from real runner output captured in src/test/resources/gate/runners, and single summary lines. */
class TestCountsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // pytest 9.0.3: 1 passed, 2 failed (one assertion, one NameError), 1 skipped, 1 fixture error
        "pytest-mixed.txt, pytest, 1, 2, 1, 1",
        "pytest-quiet-pass.txt, pytest, 2, 0, 0, 0",
        // node 20 test runner, TAP and spec reporters: 2 pass, 1 fail, 1 skipped
        "node-tap.txt, node, 2, 1, 0, 1",
        "node-spec.txt, node, 2, 1, 0, 1",
        // jest 29: 2 passed, 1 failed, 1 skipped
        "jest-mixed.txt, jest, 2, 1, 0, 1",
        // Maven Surefire 3.5.4, two modules: a (3 run, 1 skipped), b (3 run, 1 failure, 1 error)
        "surefire-multi.txt, surefire, 3, 1, 1, 1",
    })
    void readsRealRunnerOutput(String file, String runner, int passed, int failed, int errors, int skipped) throws IOException {
        try (InputStream in = TestCountsTest.class.getResourceAsStream("/gate/runners/" + file)) {
            String output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(Optional.of(new TestCounts(runner, passed, failed, errors, skipped)), TestCounts.parse(output));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "==== 3 passed, 1 warning in 0.12s ====|pytest|3|0|0|0",
        // quoted: CsvSource trims unquoted values, and the escape character counts as white space there
        "'\u001B[31m\u001B[1m= 1 failed, \u001B[32m2 passed\u001B[0m, 2 deselected in 1.02s (0:00:01) =\u001B[0m'|pytest|2|1|0|0",
        "7 passed, 2 failed|summary|7|2|0|0",
        "Result: 7 passed, 2 failed, 1 skipped|summary|7|2|0|1",
        "[INFO] Tests run: 12, Failures: 0, Errors: 0, Skipped: 2|surefire|10|0|0|2",
        "Tests:       4 passed, 4 total|jest|4|0|0|0",
    })
    void readsOneSummaryLine(String line, String runner, int passed, int failed, int errors, int skipped) {
        assertEquals(Optional.of(new TestCounts(runner, passed, failed, errors, skipped)), TestCounts.parse(line));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // python3.11 -m unittest: 4 tests, one failure, one error, one skipped
        "FAILED (failures=1, errors=1, skipped=1)|1|1|1|1",
        "OK|4|0|0|0",
        "OK (skipped=1)|3|0|0|1",
        "OK (expected failures=1)|4|0|0|0",
    })
    void readsUnittestsCountAndVerdict(String verdict, int passed, int failed, int errors, int skipped) {
        String output = "..F.\n------\nRan 4 tests in 0.001s\n\n" + verdict + "\n";
        assertEquals(Optional.of(new TestCounts("unittest", passed, failed, errors, skipped)), TestCounts.parse(output));
        assertEquals(Optional.empty(), TestCounts.parse(verdict), "a verdict without its count line is no summary");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "no tests ran in 0.01s",
        "==== 3 warnings in 0.10s ====",
        "[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.2 s -- in x.ATest",
        "BUILD SUCCESS",
        "''",
    })
    void ignoresWhatIsNoSummary(String output) {
        assertEquals(Optional.empty(), TestCounts.parse(output));
    }
}
