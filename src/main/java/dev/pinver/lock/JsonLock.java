package dev.pinver.lock;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pinver.Location;
import dev.pinver.PinverException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A JSON lock file's text and tree. Errors about a value are located by finding the value's
 * {@link JsonPointer} again in the text, so the tree needs to carry no positions.
 */
final class JsonLock {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Path file;
    private final String text;
    private final JsonNode root;

    /** Parses {@code text}, which must hold one JSON object; a byte order mark counts as a space. */
    JsonLock(Path file, String text) {
        this.file = file;
        this.text = text.startsWith("\uFEFF") ? " " + text.substring(1) : text;
        JsonNode parsed;
        try {
            parsed = MAPPER.readTree(this.text);
        } catch (JsonProcessingException e) {
            throw PinverException.badInput(location(e.getLocation()), "invalid JSON: " + oneLine(e.getOriginalMessage()));
        }
        if (parsed == null || !parsed.isObject()) {
            throw PinverException.badInput(new Location(file, 1, 1), "expected a JSON object");
        }
        this.root = parsed;
    }

    JsonNode root() {
        return root;
    }

    /** An error about the value at {@code at}, located where that value starts in the text. */
    PinverException error(JsonPointer at, String message) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token != JsonToken.FIELD_NAME && !token.isStructEnd()
                        && parser.getParsingContext().pathAsPointer().equals(at)) {
                    return PinverException.badInput(location(parser.currentTokenLocation()), message);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("re-reading JSON that parsed before", e);
        }
        return PinverException.badInput(new Location(file, 1, 1), message);
    }

    private Location location(JsonLocation at) {
        return at == null || at.getLineNr() < 1
                ? new Location(file, 1, 1)
                : new Location(file, at.getLineNr(), Math.max(1, at.getColumnNr()));
    }

    /** Jackson's message on one line, a position it quotes ({@code [Source: …; line: 2, column: 8]}) shortened. */
    private static String oneLine(String message) {
        return message.replaceAll("\\[Source: [^\\]]*; line: (\\d+), column: (\\d+)\\]", "line $1, column $2")
                .replaceAll("\\s*\\R\\s*", " ")
                .strip();
    }
}
