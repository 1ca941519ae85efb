package dev.pinver.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the strict parser accepts and how it decodes it; every input here is one {@code JSON.parse} accepts too. */
class JsonParserTest {

    @Test
    void decodesEveryEscapeAndKeepsTheOffsetsOfTheRawText() throws JsonParser.SyntaxError {
        String text = "{\"a\\u00e9\\ud83d\\ude00\\n\\t\\\"\\\\\\/\\b\\f\\r\": \"plain\"}";
        JsonValue.ObjectValue object = (JsonValue.ObjectValue) JsonParser.parse(text, 0);
        JsonValue.Member member = object.members().get(0);

        assertEquals("a\u00e9\uD83D\uDE00\n\t\"\\/\b\f\r", member.key().value());
        assertEquals(1, member.key().start());
        assertFalse(member.key().verbatim());
        JsonValue.StringValue value = (JsonValue.StringValue) member.value();
        assertEquals("plain", text.substring(value.contentStart(), value.contentEnd()));
        assertTrue(value.verbatim());
        assertEquals(text.length() - 1, value.end());
    }

    @Test
    void readsLiteralsAndNumbersAsWritten() throws JsonParser.SyntaxError {
        String text = "[true, false, null, 0, -0, 1E3, 12.50e-1, -0.5e+10]";
        JsonValue.ArrayValue array = (JsonValue.ArrayValue) JsonParser.parse(text, 0);

        assertEquals(List.of("true", "false", "null", "0", "-0", "1E3", "12.50e-1", "-0.5e+10"),
                array.elements().stream().map(e -> ((JsonValue.Literal) e).text()).toList());
        assertEquals(List.of("true", "false", "null", "a number"), array.elements().stream().limit(4)
                .map(JsonValue::kind).toList());
        assertEquals(List.of(1, 7, 14, 20), array.elements().stream().limit(4).map(JsonValue::start).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "{}", " \t\r\n\"x\" ", "\"\\ud800\"", "{\"\": {\"\": []}}", "[[[[]]]]", "-1.0e-0"})
    void acceptsWhatJsonParseAccepts(String text) throws JsonParser.SyntaxError {
        JsonParser.parse(text, 0);
    }

    @Test
    void theSameKeyInDifferentObjectsIsNoDuplicate() throws JsonParser.SyntaxError {
        JsonValue.ObjectValue object = (JsonValue.ObjectValue) JsonParser.parse("{\"a\": {\"a\": 1}, \"b\": {\"a\": 2}}", 0);

        assertEquals(2, object.members().size());
        assertTrue(object.member("b").isPresent());
        assertFalse(object.member("c").isPresent());
    }
}
