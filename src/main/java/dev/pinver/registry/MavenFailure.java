package dev.pinver.registry;

import dev.pinver.PinverException;
import java.util.List;

/**
 * Why the versions of one artifact could not be listed. The message is one line and never holds a
 * credential: URLs lose their user-info and every secret from settings.xml is masked.
 *
 * @param coordinates the artifact
 * @param kind what went wrong, the most telling of {@code repositories}' kinds
 * @param message {@code group:artifact: } followed by what each repository answered
 * @param repositories what each repository answered (not found, unreachable, ...)
 */
public record MavenFailure(MavenCoordinates coordinates, Kind kind, String message, List<RepositoryFailure> repositories)
        implements MavenOutcome {

    public MavenFailure {
        repositories = List.copyOf(repositories);
    }

    /** Kinds of failure, most telling first: a failure that hides versions outranks "not found". */
    public enum Kind {
        /** The coordinates cannot name an artifact. */
        INVALID,
        /** A repository refused the credentials, or needed some (HTTP 401, 403). */
        UNAUTHORIZED,
        /** Metadata that is not Maven metadata for this artifact (bad XML, another artifact's, too large). */
        MALFORMED,
        /** A repository could not be reached or answered with a server error. */
        UNREACHABLE,
        /** Offline, and the metadata was never downloaded into the local repository. */
        OFFLINE,
        /** No repository may be used: each one is plain {@code http://}, blocked by a mirror, without a URL, or of an unknown protocol. */
        REFUSED,
        /** No repository has the artifact. */
        NOT_FOUND
    }

    /** What one repository answered for the artifact. */
    public record RepositoryFailure(String repository, Kind kind, String message) {
    }

    @Override
    public MavenVersions orThrow() {
        throw new PinverException(kind == Kind.INVALID ? PinverException.Kind.BAD_INPUT : PinverException.Kind.NETWORK, message);
    }
}
