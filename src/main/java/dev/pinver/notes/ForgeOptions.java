package dev.pinver.notes;

import dev.pinver.registry.Credentials;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How pinver asks forges for release notes.
 *
 * @param githubApi GitHub's REST API ({@code https://api.github.com}, or a GitHub Enterprise
 *     {@code https://host/api/v3}), without a trailing slash
 * @param gitlabApi the REST API of gitlab.com or of a self-hosted GitLab ({@code https://host/api/v4})
 * @param githubToken sent as {@code Authorization: Bearer} to {@code githubApi} only; its
 *     {@code toString} masks it
 * @param gitlabToken sent to {@code gitlabApi} only
 * @param maxRateLimitWait how long a rate limit that ends soon is waited out; a longer one is an error
 */
public record ForgeOptions(String githubApi, String gitlabApi, Optional<Credentials> githubToken,
        Optional<Credentials> gitlabToken, Duration maxRateLimitWait) {

    public static final String GITHUB_API = "https://api.github.com";
    public static final String GITLAB_API = "https://gitlab.com/api/v4";
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(60);

    /** @throws IllegalArgumentException when an API is not an absolute {@code http(s)://} URL */
    public ForgeOptions {
        githubApi = withoutTrailingSlash(githubApi);
        gitlabApi = withoutTrailingSlash(gitlabApi);
        requireApi(githubApi);
        requireApi(gitlabApi);
        if (maxRateLimitWait.isNegative()) {
            throw new IllegalArgumentException("maxRateLimitWait must not be negative");
        }
    }

    /**
     * The defaults, with tokens from {@code GITHUB_TOKEN} (else {@code GH_TOKEN}) and {@code GITLAB_TOKEN}.
     */
    public static ForgeOptions fromEnv(Map<String, String> env) {
        return new ForgeOptions(GITHUB_API, GITLAB_API, token(env, "GITHUB_TOKEN").or(() -> token(env, "GH_TOKEN")),
                token(env, "GITLAB_TOKEN"), DEFAULT_MAX_WAIT);
    }

    public ForgeOptions withGithubApi(String url) {
        return new ForgeOptions(url, gitlabApi, githubToken, gitlabToken, maxRateLimitWait);
    }

    public ForgeOptions withGitlabApi(String url) {
        return new ForgeOptions(githubApi, url, githubToken, gitlabToken, maxRateLimitWait);
    }

    public ForgeOptions withMaxRateLimitWait(Duration wait) {
        return new ForgeOptions(githubApi, gitlabApi, githubToken, gitlabToken, wait);
    }

    /** The links that name repositories on these forges: github.com and the GitHub Enterprise host, gitlab.com and this GitLab. */
    public RepositoryUrls repositoryUrls() {
        Set<String> github = new HashSet<>(Set.of("github.com"));
        if (!githubApi.equals(GITHUB_API) && !host(githubApi).isEmpty()) {
            github.add(host(githubApi));
        }
        Set<String> gitlab = new HashSet<>(Set.of("gitlab.com"));
        if (!host(gitlabApi).isEmpty()) {
            gitlab.add(host(gitlabApi));
        }
        return new RepositoryUrls(github, gitlab);
    }

    /** The lower-case host of a URL; empty when it has none. */
    static String host(String url) {
        try {
            String h = URI.create(url).getHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static void requireApi(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("https://") || lower.startsWith("http://")) || host(url).isEmpty() || url.contains("@")) {
            throw new IllegalArgumentException("not an http(s):// API URL without credentials: " + url);
        }
    }

    private static Optional<Credentials> token(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(t -> !t.isEmpty())
                .map(Credentials.Bearer::new);
    }

    private static String withoutTrailingSlash(String url) {
        String s = url.strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
