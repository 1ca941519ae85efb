package dev.pinver.policy;

/** What kind of constraint a policy wants a dependency's spec to be. */
public enum PinMode {
    /** The compatibility window: from the current version up to, not including, the next breaking one. */
    WINDOW("window"),
    /** One exact version. */
    EXACT("exact"),
    /** Only a lower bound. */
    FLOOR("floor"),
    /** No constraint at all: something else already constrains the package. */
    NONE("none");

    private final String id;

    PinMode(String id) {
        this.id = id;
    }

    /** The name used in policy files. */
    public String id() {
        return id;
    }
}
