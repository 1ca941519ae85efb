package dev.pinver.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The policies shipped with pinver, read from {@code policies/<name>.yaml} on the class path (the
 * top-level {@code policies/} folder, packaged into the jar).
 */
public final class Presets {

    /** The name of the preset that applies when nothing else is asked for. */
    public static final String DEFAULT = "default";

    /** Every shipped preset, in the order they are listed to users. */
    public static final List<String> NAMES = List.of(DEFAULT, "fastapi", "strict");

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private Presets() {
    }

    /**
     * The preset called {@code nameOrNull}, or the {@value #DEFAULT} preset for {@code null}. Empty
     * when there is no such preset, in which case the caller treats the name as a file path.
     */
    public static Optional<Policy> load(String nameOrNull) {
        String name = nameOrNull == null ? DEFAULT : nameOrNull;
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        String resource = "policies/" + name + ".yaml";
        try (InputStream in = Presets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(PolicyLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    Path.of(resource)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled preset " + resource, e);
        }
    }
}
