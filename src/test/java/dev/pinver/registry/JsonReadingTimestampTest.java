package dev.pinver.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path for registries' usual timestamps reads exactly what the JDK's ISO formatter reads. */
class JsonReadingTimestampTest {

    /** The JDK's reading of an ISO 8601 timestamp with an offset, the reference for the fast path. */
    private static Optional<Instant> jdk(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Test
    void randomTimestampsWithEveryFractionLengthReadAsTheJdkReadsThem() {
        Random random = new Random(20261204);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L), random.nextInt(1_000_000_000));
            int digits = random.nextInt(10);
            String whole = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC).format(instant);
            String fraction = String.format("%09d", instant.getNano()).substring(0, digits);
            String text = whole + (digits == 0 ? "" : "." + fraction) + (random.nextBoolean() ? "Z" : "+00:00");
            assertEquals(jdk(text).orElseThrow(), JsonReading.commonUtc(text), text);
            assertEquals(jdk(text), JsonReading.parseTimestamp(text), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29T23:59:59.999Z", "1970-01-01T00:00:00Z", "2024-12-13T12:39:20.908000+00:00", "2000-12-31T00:00:00.1Z", "9999-12-31T23:59:59.999999999Z"})
    void edgesOfTheCalendarAndTheFraction(String text) {
        assertEquals(jdk(text).orElseThrow(), JsonReading.commonUtc(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-13-01T00:00:00Z", "2024-00-10T00:00:00Z",
        "2024-01-01T24:00:00Z", "2024-01-01T00:60:00Z", "2024-01-01T00:00:60Z", "2024-01-01T00:00:00.Z",
        "2024-01-01T00:00:00.1234567890Z", "2024-01-01 00:00:00Z", "2024-01-01T00:00:0xZ", "２０24-01-01T00:00:00Z",
        "2024-01-01T00:00:00+01:00", "2024-01-01T00:00:00-00:00", "2024-01-01T00:00:00.+00:00", "2024-01-01T00:00Z", "+12024-01-01T00:00:00Z", "2024-1-01T00:00:00Z"})
    void anythingElseIsLeftToTheFormatter(String text) {
        assertNull(JsonReading.commonUtc(text));
    }

    @Test
    void theFormatterStillReadsOffsetsAndLocalTimes() {
        assertEquals(Instant.parse("2024-01-01T10:00:00Z"), JsonReading.parseTimestamp("2024-01-01T12:00:00+02:00").orElseThrow());
        assertEquals(Instant.parse("2024-01-01T12:00:00Z"), JsonReading.parseTimestamp("2024-01-01T12:00:00").orElseThrow());
        assertEquals(Optional.empty(), JsonReading.parseTimestamp("2023-02-29T00:00:00Z"));
    }
}
