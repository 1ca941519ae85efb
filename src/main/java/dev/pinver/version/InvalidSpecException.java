package dev.pinver.version;

/**
 * A version or version constraint that does not follow its scheme's grammar. {@link #offset()} is
 * the 0-based index in the parsed text where the problem starts, so callers that know where the
 * text came from can report an exact file position.
 */
public final class InvalidSpecException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int offset;

    public InvalidSpecException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
