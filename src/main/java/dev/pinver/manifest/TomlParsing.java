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

    /** The text parsed (perhaps with errors), or empty when the parser threw. */
    public static Optional<TomlParseResult> parse(String text) {
        try {
            return Optional.of(Toml.parse(text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
