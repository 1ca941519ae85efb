package dev.pinver.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

class TomlStringLiteralTest {

    /**
     * Literal as written, then for one decoded character: its index, and its raw offset in the
     * literal (the opening quote is offset 0).
     */
    static List<Arguments> literals() {
        return List.of(
                Arguments.of("\"fastapi>=0.45\"", 7, 8),
                Arguments.of("'C:\\path\\x'", 3, 4),
                Arguments.of("\"a\\tb\"", 2, 4),
                Arguments.of("\"\\u0066astapi>=1\"", 1, 7),
                Arguments.of("\"\\U0001F600z\"", 2, 11),
                Arguments.of("\"\\e\\x41b\"", 2, 7),
                Arguments.of("\"\"\"\n  rich>=13\"\"\"", 2, 6),
                Arguments.of("\"\"\"\r\nrich\r\n>=13\"\"\"", 4, 9),
                Arguments.of("\"\"\"a\\\n     \n   b\"\"\"", 1, 15),
                Arguments.of("'''\nx\r\ny''''", 3, 8),
                Arguments.of("\"\"\"say \"hi\"\"\"\"\"", 8, 11));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("literals")
    void decodesLikeTomljAndRecordsWhereEachCharacterWasWritten(String literal, int index, int rawOffset) {
        String text = "x = " + literal + "\n";
        TomlParseResult oracle = Toml.parse(text);
        assertEquals(List.of(), oracle.errors());
        TomlStringLiteral decoded = TomlStringLiteral.at(text, 4).orElseThrow();
        assertEquals(oracle.getString("x"), decoded.value());
        assertEquals(4 + rawOffset, decoded.rawOffset(index));
        assertEquals(4 + literal.length() - (literal.startsWith("\"\"\"") || literal.startsWith("'''") ? 3 : 1),
                decoded.rawOffset(decoded.value().length()), "closing delimiter");
    }

    @Test
    void verbatimOnlyWhereNoEscapeOrNewlineTranslationIntervenes() {
        String text = "\"a\\tb>=1\"";
        TomlStringLiteral literal = TomlStringLiteral.at(text, 0).orElseThrow();
        assertEquals("a\tb>=1", literal.value());
        assertTrue(literal.verbatim(0, 1));
        assertFalse(literal.verbatim(0, 2));
        assertFalse(literal.verbatim(1, 2));
        assertTrue(literal.verbatim(2, 6));
        assertTrue(literal.verbatim(1, 1));

        TomlStringLiteral crlf = TomlStringLiteral.at("'''a\r\nb'''", 0).orElseThrow();
        assertEquals("a\nb", crlf.value());
        assertFalse(crlf.verbatim(0, 3));
        assertTrue(crlf.verbatim(2, 3));
    }

    @Test
    void findsNoLiteralWhereThereIsNone() {
        assertTrue(TomlStringLiteral.at("x = 1", 4).isEmpty());
        assertTrue(TomlStringLiteral.at("\"unterminated", 0).isEmpty());
        assertTrue(TomlStringLiteral.at("\"line\nbreak\"", 0).isEmpty());
        assertTrue(TomlStringLiteral.at("\"bad \\q escape\"", 0).isEmpty());
        assertTrue(TomlStringLiteral.at("\"\"", 5).isEmpty());
    }
}
