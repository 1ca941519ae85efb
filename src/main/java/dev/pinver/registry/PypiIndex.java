package dev.pinver.registry;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One package index and the API pinver reads it with.
 *
 * @param url the base URL, without trailing slash (credentials in it are kept; {@link Http} strips them)
 * @param api how a project's page is found and read
 */
public record PypiIndex(String url, Api api) {

    /** The two index APIs. */
    public enum Api {
        /** The simple repository API (PEP 503/691): {@code <url>/<name>/}, JSON or HTML by content negotiation. */
        SIMPLE,
        /** PyPI's JSON API: {@code <url>/<name>/json}, which also has the project's URLs. */
        JSON
    }

    /** What pinver asks a simple index for, in pip's order of preference. */
    static final String SIMPLE_ACCEPT =
            "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01";

    private static final Pattern HOST = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^@/?#]*@)?([^/:?#]+)");

    /**
     * The index at {@code url}: a URL ending in {@code /pypi} is PyPI's JSON API; every other URL is a
     * simple index, except that Warehouse's own simple URLs ({@code https://pypi.org/simple},
     * {@code https://test.pypi.org/simple}) are read through the JSON API beside them, which has the same
     * releases plus the project's URLs.
     */
    public static PypiIndex of(String url) {
        String base = url.strip();
        int cut = base.indexOf('#');
        base = cut < 0 ? base : base.substring(0, cut);
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (base.endsWith("/pypi")) {
            return new PypiIndex(base, Api.JSON);
        }
        Matcher host = HOST.matcher(base);
        if (host.find() && base.endsWith("/simple") && base.toLowerCase(Locale.ROOT).startsWith("https://")) {
            String name = host.group(1).toLowerCase(Locale.ROOT);
            if (name.equals("pypi.org") || name.equals("test.pypi.org")) {
                return new PypiIndex(base.substring(0, base.length() - "/simple".length()) + "/pypi", Api.JSON);
            }
        }
        return new PypiIndex(base, Api.SIMPLE);
    }

    /** The URL of the page for the project with this normalised name. */
    String projectUrl(String project) {
        return switch (api) {
            case SIMPLE -> url + "/" + project + "/";
            case JSON -> url + "/" + project + "/json";
        };
    }

    @Override
    public String toString() {
        return Redact.url(url) + " (" + api.name().toLowerCase(Locale.ROOT) + ")";
    }
}
