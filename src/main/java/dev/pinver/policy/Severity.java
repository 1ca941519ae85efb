package dev.pinver.policy;

/** How much a finding matters; {@code check} fails on errors. */
public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    INFO("info");

    private final String id;

    Severity(String id) {
        this.id = id;
    }

    /** The name used in policy files and reports. */
    public String id() {
        return id;
    }
}
