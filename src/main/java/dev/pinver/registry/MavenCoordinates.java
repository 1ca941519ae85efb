package dev.pinver.registry;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Maven artifact as the registry looks it up: {@code groupId} and {@code artifactId}, without a
 * version. Any text is accepted here; {@link #problem()} says whether it can name an artifact, so that
 * one bad name among many becomes an error value for that name only.
 */
public record MavenCoordinates(String groupId, String artifactId) {

    /** What Maven's model validator allows in an id. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]+");

    public MavenCoordinates {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
    }

    /** Reads {@code groupId:artifactId}, the name pinver gives Maven packages; text without a colon is all groupId. */
    public static MavenCoordinates parse(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? new MavenCoordinates(name, "") : new MavenCoordinates(name.substring(0, colon), name.substring(colon + 1));
    }

    /**
     * Why these coordinates cannot name an artifact, or {@code null} when they can: each id must be
     * letters, digits, {@code _ . -} only (Maven's own rule), and neither start with a dot nor hold
     * {@code ..}, so that no id can step outside the repository's directory tree.
     */
    String problem() {
        for (String id : new String[] {groupId, artifactId}) {
            if (!ID.matcher(id).matches()) {
                return "'" + id + "' is not a valid Maven id (letters, digits, '_', '.', '-')";
            }
            if (id.startsWith(".") || id.contains("..")) {
                return "'" + id + "' is not a valid Maven id (a leading dot or '..')";
            }
        }
        return null;
    }

    /** {@code groupId:artifactId}. */
    @Override
    public String toString() {
        return groupId + ":" + artifactId;
    }
}
