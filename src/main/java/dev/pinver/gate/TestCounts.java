package dev.pinver.gate;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pass and fail counts a test runner printed in its closing summary.
 *
 * @param runner which summary they were read from: {@code pytest}, {@code surefire}, {@code node},
 *     {@code jest} or {@code summary} (a plain {@code N passed, M failed} line)
 * @param passed tests that passed
 * @param failed tests that failed an assertion
 * @param errors tests that could not run (collection or set-up errors; Surefire's errors)
 * @param skipped tests skipped
 */
public record TestCounts(String runner, int passed, int failed, int errors, int skipped) {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");
    /** pytest's last line, e.g. {@code ==== 2 failed, 5 passed, 1 skipped in 0.12s ====}. */
    private static final Pattern PYTEST = Pattern.compile(
            "^=*\\s*((?:\\d+ [a-z]+(?:, )?)+) in [\\d.]+s(?: \\([\\d:.]+\\))?\\s*=*$");
    private static final Pattern COUNT = Pattern.compile("(\\d+) ([a-z]+)");
    /** Surefire's per-module result; per-class lines go on with {@code , Time elapsed}. */
    private static final Pattern SUREFIRE = Pattern.compile(
            "^(?:\\[[A-Z]+\\] )?Tests run: (\\d+), Failures: (\\d+), Errors: (\\d+), Skipped: (\\d+)\\s*$");
    /** node's test runner: TAP ({@code # pass 3}) and spec ({@code ℹ pass 3}) reporters. */
    private static final Pattern NODE = Pattern.compile("^(?:#|\u2139) (pass|fail|skipped|cancelled) (\\d+)$");
    private static final Pattern JEST = Pattern.compile("^Tests:\\s+(.*\\d+ total)$");
    /** unittest's count line, {@code Ran 12 tests in 0.004s}, followed by its verdict line. */
    private static final Pattern UNITTEST_RAN = Pattern.compile("^Ran (\\d+) tests? in .*$");
    /** unittest's verdict: {@code OK}, {@code OK (skipped=1)}, {@code FAILED (failures=1, errors=2)}. */
    private static final Pattern UNITTEST_VERDICT = Pattern.compile("^(OK|FAILED)(?: \\((.*)\\))?$");
    private static final Pattern KEY_COUNT = Pattern.compile("([a-z ]+)=(\\d+)");
    private static final Pattern PLAIN = Pattern.compile(
            "^(?:\\w+:\\s*)?(\\d+) passed, (\\d+) failed(?:, (\\d+) skipped)?$");

    /** The counts of the last summary {@code output} prints, if any runner's summary is in it. */
    public static Optional<TestCounts> parse(String output) {
        TestCounts last = null;
        int[] surefire = new int[4];
        int[] node = new int[4];
        int unittestRan = -1;
        for (String raw : ANSI.matcher(output).replaceAll("").split("\r?\n|\r")) {
            String line = raw.strip();
            Matcher m;
            if ((m = SUREFIRE.matcher(line)).matches()) {
                for (int i = 0; i < 4; i++) {
                    surefire[i] += Integer.parseInt(m.group(i + 1));
                }
                last = new TestCounts("surefire", surefire[0] - surefire[1] - surefire[2] - surefire[3],
                        surefire[1], surefire[2], surefire[3]);
            } else if ((m = NODE.matcher(line)).matches()) {
                int slot = switch (m.group(1)) {
                    case "pass" -> 0;
                    case "fail" -> 1;
                    case "skipped" -> 2;
                    default -> 3;
                };
                node[slot] = Integer.parseInt(m.group(2));
                last = new TestCounts("node", node[0], node[1] + node[3], 0, node[2]);
            } else if ((m = JEST.matcher(line)).matches()) {
                last = counted("jest", m.group(1), last);
            } else if ((m = PLAIN.matcher(line)).matches()) {
                last = new TestCounts("summary", Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 0,
                        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
            } else if ((m = PYTEST.matcher(line)).matches()) {
                last = counted("pytest", m.group(1), last);
            } else if ((m = UNITTEST_RAN.matcher(line)).matches()) {
                unittestRan = Integer.parseInt(m.group(1));
            } else if (unittestRan >= 0 && (m = UNITTEST_VERDICT.matcher(line)).matches()) {
                last = unittest(unittestRan, m.group(2) == null ? "" : m.group(2));
                unittestRan = -1;
            }
        }
        return Optional.ofNullable(last);
    }

    /**
     * Counts from {@code 2 failed, 5 passed, 1 error}-style text; words other than these four are ignored,
     * and text with none of passed, failed or error is no summary ({@code otherwise} stays).
     */
    private static TestCounts counted(String runner, String text, TestCounts otherwise) {
        int passed = 0;
        int failed = 0;
        int errors = 0;
        int skipped = 0;
        Matcher m = COUNT.matcher(text);
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            switch (m.group(2)) {
                case "passed" -> passed += n;
                case "failed" -> failed += n;
                case "error", "errors" -> errors += n;
                case "skipped" -> skipped += n;
                default -> {
                    // xfailed, xpassed, deselected, warnings, todo, total: not pass/fail evidence
                }
            }
        }
        return passed + failed + errors == 0 && !text.contains(" passed") && !text.contains(" failed")
                ? otherwise : new TestCounts(runner, passed, failed, errors, skipped);
    }

    /** unittest's counts: {@code ran} tests, of which the verdict's failures, errors and skips did not pass. */
    private static TestCounts unittest(int ran, String details) {
        int failed = 0;
        int errors = 0;
        int skipped = 0;
        Matcher m = KEY_COUNT.matcher(details);
        while (m.find()) {
            int n = Integer.parseInt(m.group(2));
            switch (m.group(1).strip()) {
                case "failures", "unexpected successes" -> failed += n;
                case "errors" -> errors += n;
                case "skipped" -> skipped += n;
                default -> {
                    // expected failures: tests that behaved as declared
                }
            }
        }
        return new TestCounts("unittest", Math.max(0, ran - failed - errors - skipped), failed, errors, skipped);
    }

    /** {@code 12 passed, 1 failed, 0 errors, 2 skipped}. */
    public String summary() {
        return passed + " passed, " + failed + " failed, " + errors + " errors, " + skipped + " skipped";
    }
}
