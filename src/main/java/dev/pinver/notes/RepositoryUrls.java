package dev.pinver.notes;

import dev.pinver.notes.SourceRef.Forge;
import dev.pinver.notes.SourceRef.Repo;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the links package metadata carries into places release notes may be: a repository on a
 * forge, a file in one, or a URL of a changelog file. The shapes met in PyPI {@code project_urls},
 * npm {@code repository}/{@code homepage}/{@code bugs} and pom {@code <scm>}/{@code <url>}:
 * <ul>
 * <li>{@code https://github.com/o/r}, with {@code www.}, {@code .git}, a trailing slash, a
 *     {@code #readme} fragment, or a page below it ({@code /issues}, {@code /releases}, {@code /wiki});
 * <li>{@code /tree/<ref>/<dir>} (a monorepo package's directory) and {@code /blob/<ref>/<file>} (one
 *     file), GitLab's {@code /-/tree/…} and {@code /-/blob/…}, {@code raw.githubusercontent.com/o/r/<ref>/<file>};
 * <li>{@code git+https://…}, {@code git://…}, {@code git+ssh://git@…}, {@code ssh://git@…},
 *     scp-like {@code git@github.com:o/r.git}, Maven's {@code scm:git:…};
 * <li>npm's shorthands {@code github:o/r}, {@code gitlab:g/p} and bare {@code o/r} (GitHub);
 * <li>any other {@code https://} URL whose last segment names a changelog file
 *     ({@code CHANGES.rst}, {@code HISTORY.md}, {@code NEWS}) or page ({@code /release-notes/}): that URL.
 * </ul>
 * A pom property left unresolved ({@code ${project.scm.tag}}) ends the link.
 * Anything else (documentation sites, funding pages, other forges) is no source.
 */
public final class RepositoryUrls {

    private static final Pattern GITHUB_OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
    private static final Pattern REPO_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern SHORTHAND = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+");
    private static final Pattern SCP = Pattern.compile("(?:[A-Za-z0-9._-]+@)?([A-Za-z0-9.-]+):(?!//)(.+)");
    private static final Pattern CHANGELOG_FILE = Pattern.compile(
            "(?i).*(?:change|history|news|release|whatsnew|what-s-new).*(?:\\.(?:md|markdown|rst|txt))?"
                    + "|.*\\.(?:md|markdown|rst|txt)");
    /** First path segments on github.com that are not owners. */
    private static final Set<String> GITHUB_RESERVED = Set.of("sponsors", "orgs", "users", "apps", "marketplace",
            "topics", "settings", "features", "collections", "about", "pricing", "login", "join", "notifications",
            "explore", "search", "enterprise", "security", "site", "issues", "pulls", "advisories", "readme");
    private static final Set<String> GIT_SCHEMES = Set.of("http", "https", "git", "ssh");

    private final Set<String> githubHosts;
    private final Set<String> gitlabHosts;

    /**
     * @param githubHosts web hosts served by GitHub or GitHub Enterprise, lower-case
     * @param gitlabHosts web hosts served by GitLab, lower-case; hosts named {@code gitlab.*} count too
     */
    public RepositoryUrls(Set<String> githubHosts, Set<String> gitlabHosts) {
        this.githubHosts = Set.copyOf(githubHosts);
        this.gitlabHosts = Set.copyOf(gitlabHosts);
    }

    /** github.com and gitlab.com. */
    public static RepositoryUrls defaults() {
        return new RepositoryUrls(Set.of("github.com"), Set.of("gitlab.com"));
    }

    /** A link from package metadata or the command line; empty when it names no source. */
    public Optional<SourceRef> parse(String link) {
        return parse(link, false, "");
    }

    /**
     * An npm {@code repository} value (a string, or the {@code url} of the object form), where bare
     * {@code owner/repo} means GitHub.
     *
     * @param directory the object form's {@code directory}; empty when none
     */
    public Optional<SourceRef> parseNpm(String repository, String directory) {
        return parse(repository, true, directory);
    }

    private Optional<SourceRef> parse(String link, boolean npm, String directory) {
        String t = link.strip();
        int unresolved = t.indexOf("${");
        if (unresolved >= 0) {
            // a pom property left unresolved (apache/maven's .../tree/${project.scm.tag}): what comes before it
            t = t.substring(0, unresolved);
        }
        if (t.isEmpty() || t.length() > 2000) {
            return Optional.empty();
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("github:")) {
            return githubRepo("github.com", segments(t.substring(7)), directory);
        }
        if (lower.startsWith("gitlab:")) {
            return gitlabRepo("gitlab.com", segments(t.substring(7)), directory);
        }
        if (npm && SHORTHAND.matcher(t).matches()) {
            return githubRepo("github.com", segments(t), directory);
        }
        if (lower.startsWith("scm:")) {
            int second = t.indexOf(':', 4);
            if (second < 0) {
                return Optional.empty();
            }
            t = t.substring(second + 1);
            lower = t.toLowerCase(Locale.ROOT);
        }
        if (lower.startsWith("git+")) {
            t = t.substring(4);
        }
        if (!t.contains("://")) {
            var scp = SCP.matcher(t);
            return scp.matches() ? repoAt(scp.group(1).toLowerCase(Locale.ROOT), segments(scp.group(2)), directory)
                    : Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(t);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!GIT_SCHEMES.contains(scheme) || uri.getHost() == null || uri.getRawPath() == null) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        List<String> path = segments(uri.getPath());
        if (host.equals("raw.githubusercontent.com") && githubHosts.contains("github.com")) {
            if (path.size() < 4) {
                return Optional.empty();
            }
            return githubRepo("github.com", path.subList(0, 2), "").map(r -> new SourceRef.RepoFile((Repo) r,
                    path.get(2), String.join("/", path.subList(3, path.size()))));
        }
        if (isGithub(host) || isGitlab(host)) {
            return repoAt(host, path, directory);
        }
        boolean web = scheme.equals("https") || scheme.equals("http");
        if (web && !path.isEmpty() && CHANGELOG_FILE.matcher(path.get(path.size() - 1)).matches()) {
            return Optional.of(new SourceRef.WebFile(withoutFragment(uri)));
        }
        return Optional.empty();
    }

    private boolean isGithub(String host) {
        return githubHosts.contains(host);
    }

    private boolean isGitlab(String host) {
        return gitlabHosts.contains(host) || host.startsWith("gitlab.");
    }

    private Optional<SourceRef> repoAt(String host, List<String> path, String directory) {
        if (isGithub(host)) {
            return githubRepo(host, path, directory);
        }
        if (isGitlab(host)) {
            return gitlabRepo(host, path, directory);
        }
        return Optional.empty();
    }

    /** {@code owner/repo[/tree/<ref>/<dir>|/blob/<ref>/<file>|/…]}. */
    private Optional<SourceRef> githubRepo(String host, List<String> path, String directory) {
        if (path.size() < 2 || !GITHUB_OWNER.matcher(path.get(0)).matches()
                || GITHUB_RESERVED.contains(path.get(0).toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        Optional<String> name = repoName(path.get(1));
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(below(new Repo(Forge.GITHUB, host, path.get(0) + "/" + name.get(), directory),
                path.subList(2, path.size())));
    }

    /** {@code group/…/project[/-/tree/<ref>/<dir>|/-/blob/<ref>/<file>|/-/…]}. */
    private Optional<SourceRef> gitlabRepo(String host, List<String> path, String directory) {
        int dash = path.indexOf("-");
        List<String> project = dash < 0 ? path : path.subList(0, dash);
        if (project.size() < 2 || !project.stream().allMatch(s -> REPO_NAME.matcher(s).matches())) {
            return Optional.empty();
        }
        Optional<String> last = repoName(project.get(project.size() - 1));
        if (last.isEmpty()) {
            return Optional.empty();
        }
        String full = String.join("/", project.subList(0, project.size() - 1)) + "/" + last.get();
        List<String> rest = dash < 0 ? List.of() : path.subList(dash + 1, path.size());
        return Optional.of(below(new Repo(Forge.GITLAB, host, full, directory), rest));
    }

    /** The repository, a directory of it ({@code tree/<ref>/<dir>}) or a file in it ({@code blob/<ref>/<file>}). */
    private static SourceRef below(Repo repo, List<String> rest) {
        if (rest.size() >= 3 && rest.get(0).equals("blob")) {
            return new SourceRef.RepoFile(repo, rest.get(1), String.join("/", rest.subList(2, rest.size())));
        }
        if (rest.size() >= 3 && rest.get(0).equals("tree") && repo.directory().isEmpty()) {
            return new Repo(repo.forge(), repo.host(), repo.path(), String.join("/", rest.subList(2, rest.size())));
        }
        return repo;
    }

    /** A repository name without {@code .git}; empty when it is not one. */
    private static Optional<String> repoName(String segment) {
        String name = segment.endsWith(".git") ? segment.substring(0, segment.length() - 4) : segment;
        if (!REPO_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    private static String withoutFragment(URI uri) {
        String s = uri.toString();
        int hash = s.indexOf('#');
        return hash < 0 ? s : s.substring(0, hash);
    }
}
