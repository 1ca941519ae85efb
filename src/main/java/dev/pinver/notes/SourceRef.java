package dev.pinver.notes;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A place where release notes may be read: a repository on a forge (its releases and changelog
 * files), one file in a repository, a URL serving a changelog, or a local file.
 */
public sealed interface SourceRef {

    /** What the report names as the source: a browsable URL or a path. */
    String shown();

    /** The forges pinver reads release notes from. */
    enum Forge {
        GITHUB,
        GITLAB;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A repository.
     *
     * @param forge the forge hosting it
     * @param host its web host, lower-case ({@code github.com}, {@code gitlab.example.com})
     * @param path {@code owner/repo} on GitHub, {@code group/…/project} on GitLab, without {@code .git}
     * @param directory the package's directory in a monorepo (npm's {@code repository.directory}),
     *     without leading or trailing slashes; empty for the repository's root
     */
    record Repo(Forge forge, String host, String path, String directory) implements SourceRef {

        public Repo {
            directory = trimSlashes(directory);
        }

        /** The repository's page: {@code https://github.com/owner/repo}. */
        public String webUrl() {
            return "https://" + host + "/" + path;
        }

        /** The same repository, at its root. */
        public Repo root() {
            return new Repo(forge, host, path, "");
        }

        @Override
        public String shown() {
            return webUrl();
        }
    }

    /**
     * One file in a repository, as a {@code blob} link names it.
     *
     * @param repo the repository
     * @param ref the branch, tag or commit; empty for the default branch
     * @param file the path inside the repository, without a leading slash
     */
    record RepoFile(Repo repo, String ref, String file) implements SourceRef {

        public RepoFile {
            file = trimSlashes(file);
        }

        @Override
        public String shown() {
            String sep = repo.forge() == Forge.GITLAB ? "/-/blob/" : "/blob/";
            return repo.webUrl() + sep + (ref.isEmpty() ? "HEAD" : ref) + "/" + file;
        }
    }

    /**
     * A URL whose body is a changelog ({@code https://…/CHANGELOG.md}, {@code file://…}).
     *
     * @param url the URL
     */
    record WebFile(String url) implements SourceRef {

        @Override
        public String shown() {
            return url;
        }
    }

    /**
     * A changelog on disk.
     *
     * @param path the file
     */
    record LocalFile(Path path) implements SourceRef {

        @Override
        public String shown() {
            return path.toString();
        }
    }

    private static String trimSlashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '/') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(start, end);
    }
}
