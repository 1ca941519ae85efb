package dev.pinver.registry;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.spi.connector.transport.http.HttpTransporterException;
import org.eclipse.aether.transfer.NoTransporterException;

/**
 * Turns Resolver's transport exceptions and pinver's own findings into {@link MavenFailure}s whose messages are one line and free of
 * credentials: user-info is cut from every URL and each known secret (settings.xml passwords and
 * header values) is masked wherever it appears.
 */
final class MavenFailures {

    private static final String MASK = "***";

    /** {@code scheme://user-info@}: everything between {@code //} and an {@code @} before the host ends. */
    private static final Pattern USER_INFO = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://)[^/?#@\\s]+@");

    private final List<String> secrets;

    MavenFailures(List<String> secrets) {
        // longest first, so that a secret containing another is masked whole
        this.secrets = secrets.stream().filter(s -> !s.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** {@code text} on one line, without user-info in URLs and with every secret masked. */
    String redact(String text) {
        String out = USER_INFO.matcher(text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip())
                .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        return out;
    }

    /** How a repository is named in messages: {@code id (url)}. */
    String name(RemoteRepository repository) {
        return redact(repository.getId() + " (" + repository.getUrl() + ")");
    }

    /** The repository does not have the metadata. */
    MavenFailure.RepositoryFailure notFound(RemoteRepository repository) {
        return failure(repository, MavenFailure.Kind.NOT_FOUND, "not found");
    }

    /** Offline, and the local repository holds no copy of the repository's metadata. */
    MavenFailure.RepositoryFailure offline(RemoteRepository repository) {
        return failure(repository, MavenFailure.Kind.OFFLINE, "offline, and never downloaded from it");
    }

    /** The repository's metadata cannot be used; {@code reason} says why. */
    MavenFailure.RepositoryFailure malformed(RemoteRepository repository, String reason) {
        return failure(repository, MavenFailure.Kind.MALFORMED, redact(reason));
    }

    /** The local repository's copy of the metadata cannot be read. */
    MavenFailure.RepositoryFailure unreadableCopy(RemoteRepository repository, Exception exception) {
        return failure(repository, MavenFailure.Kind.UNREACHABLE,
                "cannot read the downloaded metadata: " + redact(String.valueOf(exception.getMessage())));
    }

    private MavenFailure.RepositoryFailure failure(RemoteRepository repository, MavenFailure.Kind kind, String reason) {
        return new MavenFailure.RepositoryFailure(repository.getId(), kind, name(repository) + ": " + reason);
    }

    /** One repository's answer, from the exception its transport threw. */
    MavenFailure.RepositoryFailure of(RemoteRepository repository, Exception exception) {
        MavenFailure.Kind kind = MavenFailure.Kind.UNREACHABLE;
        String reason = null;
        HttpTransporterException http = cause(exception, HttpTransporterException.class);
        if (http != null) {
            int status = http.getStatusCode();
            kind = switch (status) {
                case 401, 403, 407 -> MavenFailure.Kind.UNAUTHORIZED;
                case 404, 410 -> MavenFailure.Kind.NOT_FOUND;
                default -> MavenFailure.Kind.UNREACHABLE;
            };
            reason = switch (status) {
                case 401 -> "HTTP 401: credentials missing or refused";
                case 403 -> "HTTP 403: access denied";
                case 407 -> "HTTP 407: the proxy needs credentials";
                default -> "HTTP " + status;
            };
        }
        if (reason == null) {
            reason = networkReason(exception);
            if (reason != null && repository.getProxy() != null) {
                reason += " (through proxy " + repository.getProxy().getHost() + ":" + repository.getProxy().getPort() + ")";
            }
        }
        if (reason == null && cause(exception, NoTransporterException.class) != null) {
            reason = "no transport for this repository's protocol";
        }
        if (reason == null) {
            Throwable root = exception;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            reason = root.getClass().getSimpleName() + ": " + root.getMessage();
        }
        return failure(repository, kind, redact(reason));
    }

    private static String networkReason(Exception exception) {
        UnknownHostException unknown = cause(exception, UnknownHostException.class);
        if (unknown != null) {
            return "unknown host " + unknown.getMessage();
        }
        SSLException tls = cause(exception, SSLException.class);
        if (tls != null) {
            return "TLS failure: " + tls.getMessage();
        }
        if (cause(exception, ConnectException.class) != null || cause(exception, NoRouteToHostException.class) != null) {
            return "connection failed: " + cause(exception, java.net.SocketException.class).getMessage();
        }
        if (cause(exception, InterruptedIOException.class) != null) {
            return "timed out";
        }
        return null;
    }

    /** The first throwable of {@code type} in the cause chain of {@code exception}, or null. */
    static <T extends Throwable> T cause(Throwable exception, Class<T> type) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /**
     * The failure for an artifact no repository had: the most telling kind among the answers, and a
     * message listing each answer and the repositories that were not asked.
     */
    MavenFailure summary(MavenCoordinates coordinates, List<MavenFailure.RepositoryFailure> answers, List<String> refused) {
        MavenFailure.Kind kind = answers.stream().map(MavenFailure.RepositoryFailure::kind)
                .min(Comparator.naturalOrder())
                .orElse(refused.isEmpty() ? MavenFailure.Kind.NOT_FOUND : MavenFailure.Kind.REFUSED);
        StringBuilder message = new StringBuilder(coordinates.toString()).append(':');
        String separator = " ";
        for (MavenFailure.RepositoryFailure answer : answers) {
            message.append(separator).append(answer.message());
            separator = "; ";
        }
        for (String reason : refused) {
            message.append(separator).append("not asked: ").append(reason);
            separator = "; ";
        }
        return new MavenFailure(coordinates, kind, redact(message.toString()), answers);
    }
}
