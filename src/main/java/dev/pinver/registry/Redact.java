package dev.pinver.registry;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from text before anyone sees it: the user-info part of every URL
 * ({@code https://user:secret@host/} → {@code https://***@host/}), the values of query parameters
 * that conventionally carry secrets ({@code ?token=…}), and every known secret value wherever it
 * occurs.
 */
public final class Redact {

    static final String MASK = "***";

    /** A scheme, {@code //}, then user-info up to the last {@code @} before the host ends. */
    private static final Pattern USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#\\s]*@");
    private static final Pattern SECRET_QUERY = Pattern.compile(
            "(?i)([?&;](?:access_token|token|auth|authtoken|_authtoken|password|passwd|secret|key|api_key|signature)=)[^&#\\s]*");

    private Redact() {
    }

    /** {@code url} (or any text holding URLs) without user-info or secret query values. */
    public static String url(String url) {
        String withoutUserinfo = USERINFO.matcher(url).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
        return SECRET_QUERY.matcher(withoutUserinfo).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    }

    /** {@link #url(String)} applied to {@code text}, then every non-empty value of {@code secrets} masked. */
    public static String text(String text, Collection<String> secrets) {
        String out = url(text);
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }
}
