package dev.pinver.manifest;

import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * tomlj's parser, made total: on a few malformed inputs it throws (seen: a {@code NullPointerException}
 * from its generated parser) instead of reporting a parse error.
 */
public final class TomlParsing {

    /** What to tell the user when the parser gave up; there is no position to point at. */
    public static final String GAVE_UP = "invalid TOML: the TOML parser gave up on this file";

    private TomlParsing() {
    }

    /** Whether {@code text} is TOML without errors that has the table at {@code dottedKey} ({@code tool.uv.workspace}). */
    public static boolean hasTable(String text, String dottedKey) {
        return parse(text).filter(toml -> !toml.hasErrors() && toml.isTable(dottedKey)).isPresent();
    }

    /** The text parsed (perhaps with errors), or empty when the parser threw. */
    public static Optional<TomlParseResult> parse(String text) {
        try {
            return Optional.of(Toml.parse(text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
