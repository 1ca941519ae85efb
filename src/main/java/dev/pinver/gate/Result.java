package dev.pinver.gate;

/** How a gate, a baseline or one tried version ended; {@link #id()} is the name used in JSON. */
public enum Result {
    PASSED("passed"),
    FAILED("failed"),
    TIMEOUT("timeout"),
    BASELINE_FAILED("baseline-failed"),
    SKIPPED("skipped");

    private final String id;

    Result(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
