package dev.pinver.registry;

import dev.pinver.PinverException;
import java.util.List;

/**
 * A registry or network failure for one URL. The message is one line, {@code <url>: <cause>}, and
 * never holds a credential: the URL is redacted and the cause is built from redacted text only
 * (no underlying exception is chained, since its message is not under pinver's control).
 */
public final class RegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The kind of failure, for callers that react differently (a missing package is not an outage). */
    public enum Reason {
        /** HTTP 404 or 410, or a missing local file. */
        NOT_FOUND,
        /** Any other unexpected HTTP status, after retries where they apply. */
        HTTP_STATUS,
        /** No complete answer within the timeout. */
        TIMEOUT,
        /** The connection could not be made or broke (reset, empty reply). */
        CONNECTION,
        /** The TLS handshake failed (untrusted certificate, wrong host name). */
        TLS,
        /** The answer was larger than the size limit, before or after decompression. */
        TOO_LARGE,
        /** The answer could not be understood (bad JSON or HTML, bad compression, wrong shapes). */
        MALFORMED,
        /** Offline mode and the URL is not in the cache. */
        OFFLINE,
        /** The URL is not allowed: plain {@code http://} without the flag, an unknown scheme, a bad URL. */
        REFUSED
    }

    private final Reason reason;
    private final String url;
    private final String cause;

    /**
     * @param url the URL concerned; redacted here
     * @param cause what went wrong, already free of secrets the caller knows; URLs in it are redacted here
     */
    public RegistryException(Reason reason, String url, String cause) {
        super(Redact.url(url) + ": " + Redact.url(oneLine(cause)));
        this.reason = reason;
        this.url = Redact.url(url);
        this.cause = Redact.url(oneLine(cause));
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    public Reason reason() {
        return reason;
    }

    /** The URL concerned, redacted. */
    public String url() {
        return url;
    }

    /** The same failure as the {@link PinverException} of kind {@code NETWORK} that the CLI maps to exit code 3. */
    public PinverException toPinverException() {
        return new PinverException(PinverException.Kind.NETWORK, getMessage());
    }

    /** This failure with every value of {@code secrets} masked in its message. */
    RegistryException redacted(List<String> secrets) {
        String maskedUrl = Redact.text(url, secrets);
        String maskedCause = Redact.text(cause, secrets);
        if (maskedUrl.equals(url) && maskedCause.equals(cause)) {
            return this;
        }
        return new RegistryException(reason, maskedUrl, maskedCause);
    }
}
