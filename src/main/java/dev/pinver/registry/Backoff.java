package dev.pinver.registry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** How long to wait before retrying: exponential backoff with full jitter, or the server's {@code Retry-After}. */
final class Backoff {

    private Backoff() {
    }

    /**
     * A delay drawn uniformly from {@code [0, min(cap, base * 2^retry))}: the "full jitter" of the AWS
     * architecture note, which spreads clients that failed together.
     *
     * @param retry 0 for the first retry
     */
    static Duration jittered(int retry, Duration base, Duration cap) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(retry, 30));
        return ceiling <= 0 ? Duration.ZERO : Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    /**
     * The wait a {@code Retry-After} header asks for (RFC 9110 §10.2.3): a number of seconds or an
     * HTTP-date, measured from {@code now}; empty when the value is neither. A date in the past means no wait.
     */
    static Optional<Duration> retryAfter(String value, Instant now) {
        String text = value.strip();
        if (text.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            Instant when = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, when);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
