package dev.pinver.manifest;

/** The package ecosystems pinver reads. {@link #id()} is the name used in JSON and policies. */
public enum Ecosystem {
    PYPI("pypi"),
    MAVEN("maven"),
    NPM("npm");

    private final String id;

    Ecosystem(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
