package dev.pinver.registry;

import dev.pinver.PinverException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which proxy a request goes through, as curl and Python's {@code requests} read it from the
 * environment: {@code https_proxy}/{@code HTTPS_PROXY} for {@code https://} URLs,
 * {@code http_proxy}/{@code HTTP_PROXY} for {@code http://} URLs (the lower-case name wins), and
 * {@code no_proxy}/{@code NO_PROXY}: a comma- or space-separated list of host names (each also
 * matching its subdomains; a leading {@code .} or {@code *.} is ignored), optionally with
 * {@code :port}, or {@code *} for every host.
 *
 * @param httpsProxy the proxy for {@code https://} URLs
 * @param httpProxy the proxy for {@code http://} URLs
 * @param noProxy lower-case host patterns that bypass the proxy, without leading dots
 */
public record ProxyConfig(Optional<InetSocketAddress> httpsProxy, Optional<InetSocketAddress> httpProxy, List<String> noProxy) {

    public ProxyConfig {
        noProxy = List.copyOf(noProxy);
    }

    /** No proxy at all. */
    public static ProxyConfig none() {
        return new ProxyConfig(Optional.empty(), Optional.empty(), List.of());
    }

    /**
     * Reads the proxy variables from {@code env}.
     *
     * @throws PinverException of kind {@code USAGE} when a proxy URL cannot be used (bad syntax, a TLS
     *     proxy, or credentials, which the JDK's client cannot send through a tunnel)
     */
    public static ProxyConfig fromEnv(Map<String, String> env) {
        return new ProxyConfig(
                proxy(env, "https_proxy"),
                proxy(env, "http_proxy"),
                patterns(variable(env, "no_proxy").orElse("")));
    }

    private static Optional<String> variable(Map<String, String> env, String lowerName) {
        String value = env.get(lowerName);
        if (value == null || value.isBlank()) {
            value = env.get(lowerName.toUpperCase(Locale.ROOT));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static Optional<InetSocketAddress> proxy(Map<String, String> env, String lowerName) {
        Optional<String> value = variable(env, lowerName);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get().contains("://") ? value.get() : "http://" + value.get();
        String name = lowerName.toUpperCase(Locale.ROOT);
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw usage(name + " is not a URL: " + Redact.url(text));
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw usage(name + " uses " + uri.getScheme() + "://; only http:// proxies are supported");
        }
        if (uri.getRawUserInfo() != null) {
            throw usage(name + " carries credentials, which pinver cannot send to a proxy; use a proxy that needs none");
        }
        if (uri.getHost() == null) {
            throw usage(name + " has no host: " + Redact.url(text));
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        return Optional.of(InetSocketAddress.createUnresolved(uri.getHost(), port));
    }

    private static PinverException usage(String message) {
        return new PinverException(PinverException.Kind.USAGE, message);
    }

    private static List<String> patterns(String noProxy) {
        List<String> out = new ArrayList<>();
        for (String entry : noProxy.split("[,\\s]+")) {
            String pattern = entry.strip().toLowerCase(Locale.ROOT);
            if (pattern.startsWith("*.")) {
                pattern = pattern.substring(2);
            } else if (pattern.startsWith(".")) {
                pattern = pattern.substring(1);
            }
            if (!pattern.isEmpty()) {
                out.add(pattern);
            }
        }
        return out;
    }

    /** The proxy for {@code uri}, or empty for a direct connection. */
    public Optional<InetSocketAddress> proxyFor(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Optional<InetSocketAddress> proxy = switch (scheme) {
            case "https" -> httpsProxy;
            case "http" -> httpProxy;
            default -> Optional.empty();
        };
        if (proxy.isEmpty() || uri.getHost() == null || bypasses(uri)) {
            return Optional.empty();
        }
        return proxy;
    }

    private boolean bypasses(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        for (String pattern : noProxy) {
            if (pattern.equals("*") || matches(pattern, host, port)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String pattern, String host, int port) {
        String patternHost = pattern;
        int colon = pattern.lastIndexOf(':');
        boolean bracketed = pattern.startsWith("[");
        if (bracketed) {
            int close = pattern.indexOf(']');
            if (close < 0) {
                return false;
            }
            patternHost = pattern.substring(1, close);
            String rest = pattern.substring(close + 1);
            if (rest.startsWith(":") && !rest.substring(1).equals(String.valueOf(port))) {
                return false;
            }
        } else if (colon > 0 && pattern.indexOf(':') == colon) {
            if (!pattern.substring(colon + 1).equals(String.valueOf(port))) {
                return false;
            }
            patternHost = pattern.substring(0, colon);
        }
        return host.equals(patternHost) || host.endsWith("." + patternHost);
    }
}
