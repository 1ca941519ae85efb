package dev.pinver.notes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinver.registry.Http;
import dev.pinver.registry.RegistryException;
import dev.pinver.registry.RegistryException.Reason;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reading forge API answers: JSON shapes checked before use, timestamps, path and query encoding. */
final class ForgeJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ForgeJson() {
    }

    /** The body as JSON; {@code MALFORMED} when it is not JSON. */
    static JsonNode read(Http.ApiResponse response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new RegistryException(Reason.MALFORMED, response.url(), "the answer is not JSON");
        }
    }

    /** The answer as a JSON array; {@code MALFORMED} naming {@code what} when it is something else. */
    static JsonNode array(Http.ApiResponse response, String what) {
        JsonNode node = read(response);
        if (!node.isArray()) {
            throw new RegistryException(Reason.MALFORMED, response.url(), "expected " + what + " (a JSON array)");
        }
        return node;
    }

    /** A string field; empty when absent, null or not a string. */
    static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
    }

    /** A string field that must be there; {@code MALFORMED} otherwise. */
    static String required(JsonNode node, String field, Http.ApiResponse response) {
        return text(node, field).orElseThrow(() -> new RegistryException(Reason.MALFORMED, response.url(),
                "an entry has no string " + field));
    }

    static boolean flag(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.asBoolean(false);
    }

    /** An ISO-8601 timestamp field ({@code 2013-02-27T19:35:32Z}, {@code 2019-01-03T01:56:19.539Z}). */
    static Optional<Instant> instant(JsonNode node, String field) {
        return text(node, field).flatMap(t -> {
            try {
                return Optional.of(OffsetDateTime.parse(t).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /** Each {@code /}-separated segment percent-encoded: {@code docs/en/release notes.md} → {@code docs/en/release%20notes.md}. */
    static String path(String path) {
        return Arrays.stream(path.split("/", -1)).map(ForgeJson::component).collect(Collectors.joining("/"));
    }

    /** One path segment or query value, percent-encoded ({@code /} too). */
    static String component(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
