package dev.pinver.manifest;

import java.util.List;
import java.util.Optional;

/**
 * A JSON value read by {@link JsonParser}, with where it was written: every value knows the offset of
 * its first character in the text it was parsed from, and a string the offsets of its quotes.
 */
sealed interface JsonValue permits JsonValue.ObjectValue, JsonValue.ArrayValue, JsonValue.StringValue,
        JsonValue.Literal {

    /** The offset of the value's first character ({@code {}, {@code [}, the opening quote, the first digit...}). */
    int start();

    /** What kind of value this is, for messages: "an object", "a string", "null"... */
    String kind();

    /** An object; its members in file order, keys unique. */
    record ObjectValue(int start, List<Member> members) implements JsonValue {

        public ObjectValue {
            members = List.copyOf(members);
        }

        /** The member named {@code key}, if there is one. */
        Optional<Member> member(String key) {
            return members.stream().filter(m -> m.key().value().equals(key)).findFirst();
        }

        @Override
        public String kind() {
            return "an object";
        }
    }

    /** One {@code "key": value} pair of an object. */
    record Member(StringValue key, JsonValue value) {
    }

    /** An array, its elements in file order. */
    record ArrayValue(int start, List<JsonValue> elements) implements JsonValue {

        public ArrayValue {
            elements = List.copyOf(elements);
        }

        @Override
        public String kind() {
            return "an array";
        }
    }

    /**
     * A string: {@code value} is the decoded text; {@code start} is the offset of the opening quote and
     * {@code end} the offset just past the closing quote.
     */
    record StringValue(String value, int start, int end) implements JsonValue {

        /** The offset of the first character between the quotes. */
        int contentStart() {
            return start + 1;
        }

        /** The offset of the closing quote. */
        int contentEnd() {
            return end - 1;
        }

        /**
         * True when the text between the quotes is written without escapes, so that every decoded
         * character sits at {@code contentStart() + index}. Every JSON escape is longer than what it
         * decodes to, so equal lengths mean none was used.
         */
        boolean verbatim() {
            return contentEnd() - contentStart() == value.length();
        }

        @Override
        public String kind() {
            return "a string";
        }
    }

    /** A number, {@code true}, {@code false} or {@code null}: {@code text} is exactly as written. */
    record Literal(int start, String text) implements JsonValue {

        @Override
        public String kind() {
            return switch (text) {
                case "true", "false", "null" -> text;
                default -> "a number";
            };
        }
    }
}
