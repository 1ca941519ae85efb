package dev.pinver.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    private static final Instant NOW = Instant.parse("2026-12-04T16:00:00Z");

    @ParameterizedTest(name = "Retry-After: {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            0                              | 0
            120                            | 120000
            ' 7 '                          | 7000
            Fri, 04 Dec 2026 16:00:30 GMT  | 30000
            Fri, 04 Dec 2026 15:00:00 GMT  | 0
            -5                             | -
            1.5                            | -
            soon                           | -
            Friday, 04-Dec-26 16:00:30 GMT | -
            """)
    void retryAfter(String header, Long millis) {
        assertEquals(Optional.ofNullable(millis).map(Duration::ofMillis), Backoff.retryAfter(header, NOW));
    }

    @Test
    void jitterStaysUnderTheDoublingCeilingAndTheCap() {
        Duration base = Duration.ofMillis(100);
        Duration cap = Duration.ofMillis(1000);
        for (int retry = 0; retry < 40; retry++) {
            long ceiling = Math.min(1000, 100L << Math.min(retry, 30));
            for (int i = 0; i < 50; i++) {
                long delay = Backoff.jittered(retry, base, cap).toMillis();
                assertTrue(delay >= 0 && delay <= ceiling, "retry " + retry + ": " + delay + " ms");
            }
        }
        assertEquals(Duration.ZERO, Backoff.jittered(3, Duration.ZERO, cap));
    }
}
