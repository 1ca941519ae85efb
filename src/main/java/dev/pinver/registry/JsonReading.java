package dev.pinver.registry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.pinver.registry.RegistryException.Reason;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Streaming reads of registry JSON with Jackson's {@link JsonParser}: the callers walk the tokens and keep
 * only the fields they need, so a 10 MB document never becomes a tree. Every departure from the expected
 * shape is a {@code MALFORMED} {@link RegistryException} naming the URL, the position and the field.
 */
final class JsonReading {

    /**
     * Field names are not interned: a packument has thousands of distinct ones (every dependency of every
     * version), and interning each costs more than the canonical names save, since none is compared by identity.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder().disable(JsonFactory.Feature.INTERN_FIELD_NAMES).build();

    /** One step of a streaming read; may throw Jackson's exceptions, which {@link #read} turns into MALFORMED. */
    interface Reader<T> {
        T read(JsonReading json) throws IOException;
    }

    private final JsonParser parser;
    private final String url;

    private JsonReading(JsonParser parser, String url) {
        this.parser = parser;
        this.url = url;
    }

    /** Runs {@code reader} over {@code body}, then requires that nothing but whitespace follows the value. */
    static <T> T read(byte[] body, String url, Reader<T> reader) {
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonReading json = new JsonReading(parser, url);
            json.next();
            T result = reader.read(json);
            if (parser.nextToken() != null) {
                throw json.malformed("unexpected content after the JSON value");
            }
            return result;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new RegistryException(Reason.MALFORMED, url, "malformed JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RegistryException(Reason.MALFORMED, url, "cannot read JSON: " + e.getMessage());
        }
    }

    /** Moves to the next token; the end of input inside a value is malformed. */
    JsonToken next() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw malformed("the JSON ends too early");
        }
        return token;
    }

    JsonToken current() {
        return parser.currentToken();
    }

    /** Requires the current token to start an object, naming {@code what} otherwise. */
    void requireObject(String what) {
        if (current() != JsonToken.START_OBJECT) {
            throw malformed(what + " is not an object");
        }
    }

    void requireArray(String what) {
        if (current() != JsonToken.START_ARRAY) {
            throw malformed(what + " is not an array");
        }
    }

    /**
     * Within an object whose {@code START_OBJECT} is current: moves to the next field and returns its name
     * with the parser on the value, or null at the object's end.
     */
    String nextField() throws IOException {
        JsonToken token = next();
        if (token == JsonToken.END_OBJECT) {
            return null;
        }
        String name = parser.currentName();
        next();
        return name;
    }

    /** Within an array whose {@code START_ARRAY} is current: moves to the next element, false at the end. */
    boolean nextElement() throws IOException {
        return next() != JsonToken.END_ARRAY;
    }

    /** Skips the current value, with all it contains. */
    void skip() throws IOException {
        parser.skipChildren();
    }

    /** The current value as a string, which it must be. */
    String string(String what) throws IOException {
        if (current() != JsonToken.VALUE_STRING) {
            throw malformed(what + " is not a string");
        }
        return parser.getText();
    }

    /** The current value as a string, or empty for {@code null}. */
    Optional<String> nullableString(String what) throws IOException {
        return current() == JsonToken.VALUE_NULL ? Optional.empty() : Optional.of(string(what));
    }

    /** The current value as a whole number, which it must be. */
    long longValue(String what) throws IOException {
        if (current() != JsonToken.VALUE_NUMBER_INT) {
            throw malformed(what + " is not an integer");
        }
        return parser.getLongValue();
    }

    boolean isString() {
        return current() == JsonToken.VALUE_STRING;
    }

    boolean isBoolean() {
        return current() == JsonToken.VALUE_TRUE || current() == JsonToken.VALUE_FALSE;
    }

    boolean bool(String what) throws IOException {
        if (!isBoolean()) {
            throw malformed(what + " is not a boolean");
        }
        return parser.getBooleanValue();
    }

    /** The current value, a string or {@code null}, as a timestamp. */
    Optional<Instant> nullableTimestamp(String what) throws IOException {
        Optional<String> text = nullableString(what);
        return text.isEmpty() ? Optional.empty() : Optional.of(timestamp(text.get(), what));
    }

    /** An ISO 8601 timestamp; without an offset it is read as UTC. */
    Instant timestamp(String text, String what) {
        return parseTimestamp(text).orElseThrow(() -> malformed(what + " is not an ISO 8601 timestamp: " + shorten(text)));
    }

    static Optional<Instant> parseTimestamp(String text) {
        Instant utc = commonUtc(text);
        if (utc != null) {
            return Optional.of(utc);
        }
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    /**
     * The forms registries write almost every timestamp in, {@code 2024-03-05T11:58:00Z} with up to nine
     * digits of fraction, ending in {@code Z} (npm's {@code time}) or {@code +00:00} (Python's
     * {@code isoformat}, PyPI's upload times), read without {@link DateTimeFormatter}, which costs a cold JVM
     * tens of microseconds per timestamp: a packument has thousands. Null for anything else, which the
     * formatter then reads.
     */
    static Instant commonUtc(String text) {
        int end = text.endsWith("Z") ? text.length() - 1 : text.endsWith("+00:00") ? text.length() - 6 : -1;
        if (end < 19 || end == 20 || end > 29 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || (end > 19 && text.charAt(19) != '.')) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fraction = end > 19 ? digits(text, 20, end) : 0;
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || fraction < 0) {
            return null;
        }
        if (day > 28 && day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        long nanos = fraction;
        for (int place = end > 19 ? end - 20 : 9; place < 9; place++) {
            nanos *= 10;
        }
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code text[from, to)}, or -1 when a character there is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    RegistryException malformed(String problem) {
        JsonLocation at = parser.currentTokenLocation();
        return new RegistryException(Reason.MALFORMED, url,
                "unexpected JSON at line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + problem);
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
