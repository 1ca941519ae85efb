package dev.pinver.notes;

import dev.pinver.registry.Credentials;
import dev.pinver.registry.Http;
import dev.pinver.registry.RegistryException;
import dev.pinver.registry.RegistryException.Reason;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One forge API as pinver asks it: {@code GET} through {@link Http#api}, the token sent only to the
 * API's own origin, 404 read as "not there", and rate limits handled. A rate limit is seen in a 403 or
 * 429 answer carrying {@code Retry-After}, or {@code X-RateLimit-Remaining: 0} (GitHub) /
 * {@code RateLimit-Remaining: 0} (GitLab) with the reset time in epoch seconds. When the limit ends
 * within {@link ForgeOptions#maxRateLimitWait} the request waits and is made again; otherwise it fails
 * with "rate limited until …". The reset is remembered (also from a 200 answer that used up the quota),
 * so later requests wait or fail at once instead of asking again. Thread-safe.
 */
final class ForgeHttp {

    /** How many times one request is made again after waiting out a rate limit. */
    private static final int RATE_LIMIT_RETRIES = 2;
    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]*)*)");
    private static final Pattern REL = Pattern.compile("(?i);\\s*rel\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;,]+))");

    private final Http http;
    private final URI api;
    private final Optional<Credentials> token;
    private final String tokenVariable;
    private final Duration maxWait;
    private final Clock clock;
    /** Until when the API said no request will be answered; {@link Instant#MIN} when it did not. */
    private final AtomicReference<Instant> blockedUntil = new AtomicReference<>(Instant.MIN);

    /**
     * @param api the API's base URL; only URLs on its origin are asked, and only those get the token
     * @param tokenVariable the environment variable a user sets for a higher limit, named in messages
     */
    ForgeHttp(Http http, String api, Optional<Credentials> token, String tokenVariable, Duration maxWait, Clock clock) {
        this.http = http;
        this.api = URI.create(api);
        this.token = token;
        this.tokenVariable = tokenVariable;
        this.maxWait = maxWait;
        this.clock = clock;
    }

    /**
     * The answer to {@code GET url}: present for 200, empty for 404 and 410.
     *
     * @throws RegistryException for any other answer, a rate limit that lasts too long, or a URL off
     *     the API's origin
     */
    Optional<Http.ApiResponse> get(String url, String accept) {
        if (!sameOrigin(url)) {
            throw new RegistryException(Reason.REFUSED, url, "not on the API's origin " + origin(api));
        }
        for (int attempt = 0; ; attempt++) {
            waitForReset(url, attempt);
            Http.ApiResponse response = http.api(url, accept, token);
            int status = response.status();
            if (status == 200) {
                exhaustedUntil(response.headers()).ifPresent(this::block);
                return Optional.of(response);
            }
            if (status == 404 || status == 410) {
                return Optional.empty();
            }
            if (status == 403 || status == 429) {
                Optional<Instant> until = limitedUntil(response.headers(), clock.instant());
                if (until.isPresent()) {
                    block(until.get());
                    continue;
                }
            }
            throw new RegistryException(Reason.HTTP_STATUS, url, "HTTP " + status + switch (status) {
                case 401 -> " (the token was refused)";
                case 403 -> " (forbidden" + (token.isEmpty() ? "; private repositories need " + tokenVariable : "") + ")";
                case 429 -> " (too many requests)";
                default -> "";
            });
        }
    }

    /**
     * Before a request: nothing while the API is not rate limited; a wait when the limit resets within
     * the allowed wait (at most {@value #RATE_LIMIT_RETRIES} times for one request); else the failure.
     */
    private void waitForReset(String url, int attempt) {
        Instant until = blockedUntil.get();
        Duration wait = Duration.between(clock.instant(), until);
        if (until.equals(Instant.MIN) || wait.isNegative() || (attempt == 0 && wait.isZero())) {
            return;
        }
        if (attempt > RATE_LIMIT_RETRIES || wait.compareTo(maxWait) > 0) {
            throw new RegistryException(Reason.HTTP_STATUS, url, "rate limited until "
                    + until.truncatedTo(ChronoUnit.SECONDS) + hint());
        }
        sleep(url, wait);
        blockedUntil.compareAndSet(until, Instant.MIN);
    }

    private void block(Instant until) {
        blockedUntil.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** The {@code rel="next"} target of a {@code Link} header, when it is on the API's origin. */
    Optional<String> next(HttpHeaders headers) {
        for (String value : headers.allValues("Link")) {
            Matcher m = LINK.matcher(value);
            while (m.find()) {
                if (isNext(m.group(2)) && sameOrigin(m.group(1).strip())) {
                    return Optional.of(m.group(1).strip());
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a link's parameters say {@code rel="next"} (a relation list may hold several). */
    private static boolean isNext(String params) {
        Matcher rel = REL.matcher(params);
        if (!rel.find()) {
            return false;
        }
        String relations = rel.group(1) != null ? rel.group(1) : rel.group(2);
        return Arrays.stream(relations.strip().split("\\s+")).anyMatch(r -> r.equalsIgnoreCase("next"));
    }

    /** The API's base URL. */
    String base() {
        return api.toString();
    }

    /** The reset time of a quota this answer used up ({@code X-RateLimit-Remaining: 0}). */
    static Optional<Instant> exhaustedUntil(HttpHeaders headers) {
        for (String prefix : new String[] {"X-RateLimit-", "RateLimit-"}) {
            Optional<String> remaining = headers.firstValue(prefix + "Remaining").map(String::strip);
            Optional<String> reset = headers.firstValue(prefix + "Reset").map(String::strip);
            if (remaining.filter("0"::equals).isPresent() && reset.filter(r -> r.matches("\\d{1,12}")).isPresent()) {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(reset.get())));
            }
        }
        return Optional.empty();
    }

    /**
     * When the rate limit a 403 or 429 answer reports ends: {@code Retry-After} (seconds or an HTTP
     * date), else the reset time of an exhausted {@code X-RateLimit-*} or {@code RateLimit-*} quota.
     */
    static Optional<Instant> limitedUntil(HttpHeaders headers, Instant now) {
        Optional<String> retryAfter = headers.firstValue("Retry-After").map(String::strip);
        if (retryAfter.isPresent()) {
            String v = retryAfter.get();
            if (v.matches("\\d{1,9}")) {
                return Optional.of(now.plusSeconds(Long.parseLong(v)));
            }
            try {
                return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return exhaustedUntil(headers).map(at -> at.isBefore(now) ? now : at);
    }

    private String hint() {
        return token.isEmpty() ? " (set " + tokenVariable + " for a higher limit)" : "";
    }

    private void sleep(String url, Duration wait) {
        try {
            Thread.sleep(Math.max(0, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(Reason.CONNECTION, url, "interrupted while waiting for the rate limit to reset");
        }
    }

    private boolean sameOrigin(String url) {
        try {
            URI u = URI.create(url);
            return u.getScheme() != null && u.getHost() != null
                    && u.getScheme().equalsIgnoreCase(api.getScheme()) && u.getHost().equalsIgnoreCase(api.getHost())
                    && port(u) == port(api) && u.getRawUserInfo() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : u.getScheme().toLowerCase(Locale.ROOT).equals("https") ? 443 : 80;
    }

    private static String origin(URI u) {
        return u.getScheme() + "://" + u.getAuthority();
    }
}
