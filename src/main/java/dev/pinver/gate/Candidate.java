package dev.pinver.gate;

import java.util.Objects;

/**
 * One version an upgrade may move to.
 *
 * @param version the version the tests run with, e.g. {@code 0.46.2}
 * @param spec the spec the manifest will hold, e.g. {@code >=0.46.0,<0.47.0}
 * @param window the compatibility window's name in the branch, e.g. {@code 0.46}
 * @param edits the manifest edits that write {@code spec}
 */
public record Candidate(String version, String spec, String window, Edits edits) {

    public Candidate {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(edits, "edits");
    }
}
