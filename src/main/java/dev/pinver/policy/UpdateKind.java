package dev.pinver.policy;

/** The size of an update, by which release number changes first. */
public enum UpdateKind {
    PATCH("patch"),
    MINOR("minor"),
    MAJOR("major");

    private final String id;

    UpdateKind(String id) {
        this.id = id;
    }

    /** The name used in policy files and JSON output. */
    public String id() {
        return id;
    }
}
