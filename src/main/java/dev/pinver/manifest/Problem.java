package dev.pinver.manifest;

import dev.pinver.Location;

/** Something in a manifest that could not be read, with where it is. */
public record Problem(Location location, String message) {

    /** The one line shown to users: {@code file:line:col: message}. */
    public String oneLine() {
        return location + ": " + message;
    }
}
