package dev.pinver;

import java.util.Optional;

/**
 * The one exception pinver's packages throw for conditions a user can act on. Only the {@code cli}
 * package maps its {@link Kind} to an exit code; everywhere else it is just a typed failure.
 */
public final class PinverException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, in the terms the exit codes use. */
    public enum Kind {
        /** A command line that does not make sense. */
        USAGE,
        /** A manifest, lock file or policy that cannot be read or understood. */
        BAD_INPUT,
        /** A registry or network failure that left the answer incomplete. */
        NETWORK
    }

    private final Kind kind;
    private final Location location;

    public PinverException(Kind kind, Location location, String message) {
        super(message);
        this.kind = kind;
        this.location = location;
    }

    public PinverException(Kind kind, String message) {
        this(kind, null, message);
    }

    public static PinverException badInput(Location location, String message) {
        return new PinverException(Kind.BAD_INPUT, location, message);
    }

    public Kind kind() {
        return kind;
    }

    public Optional<Location> location() {
        return Optional.ofNullable(location);
    }

    /** The one line shown to users: {@code file:line:col: message} when the place is known. */
    public String oneLine() {
        return location == null ? getMessage() : location + ": " + getMessage();
    }
}
