package dev.pinver.version;

import java.util.Locale;
import java.util.Optional;

/** How a window is written as a spec. Not every scheme can write every style. */
public enum SpecStyle {
    /** Explicit bounds: {@code >=0.45.0,<0.46.0}, {@code [0.45.0,0.46.0)}, {@code >=0.45.0 <0.46.0}. */
    RANGE("range"),
    /** PEP 440's compatible release: {@code ~=0.45.0}. */
    COMPATIBLE("compatible"),
    /** The caret form of npm and Poetry: {@code ^0.45.0}. */
    CARET("caret"),
    /** The tilde form of npm and Poetry: {@code ~0.45.0}. */
    TILDE("tilde"),
    /** One version: {@code ==0.45.0}, {@code 0.45.0}. */
    EXACT("exact");

    private final String id;

    SpecStyle(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * The style a spec is visibly written in, when its operator says so: {@code ^0.45} is caret,
     * {@code ~=0.45.0} compatible, {@code ~0.45} tilde. A rewrite keeps the user's choice.
     */
    public static Optional<SpecStyle> writtenIn(String spec) {
        String s = spec.strip();
        if (s.startsWith("^")) {
            return Optional.of(CARET);
        }
        if (s.startsWith("~=")) {
            return Optional.of(COMPATIBLE);
        }
        return s.startsWith("~") ? Optional.of(TILDE) : Optional.empty();
    }

    public static Optional<SpecStyle> fromId(String id) {
        for (SpecStyle s : values()) {
            if (s.id.equals(id.toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
