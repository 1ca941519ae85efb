package dev.pinver.gate;

import java.util.Objects;

/** The author and committer of the gate's commits; {@link #PINVER} unless configured. */
public record Identity(String name, String email) {

    public static final Identity PINVER = new Identity("pinver", "pinver@localhost");

    public Identity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
    }
}
