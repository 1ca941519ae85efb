package dev.pinver.notes;

import dev.pinver.manifest.PomProject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The places registry metadata points at, best first. A link labelled as a changelog comes before the
 * source repository, which comes before the home page and the rest; each is read by
 * {@link RepositoryUrls}, and a link read twice counts once. For a monorepo package (a
 * {@link SourceRef.Repo} with a directory), the repository's root follows the directory.
 */
public final class ProjectLinks {

    /** PyPI labels, normalised as PEP 753 does (lower case, no punctuation or spaces), by rank. */
    private static final List<Set<String>> PYPI_RANKS = List.of(
            Set.of("changelog", "changes", "changelogs", "releasenotes", "releases", "release", "history",
                    "whatsnew", "news", "changehistory"),
            Set.of("source", "sourcecode", "repository", "repo", "code", "github", "gitlab", "git", "sourcerepository"),
            Set.of("homepage", "home"),
            Set.of("issues", "bugtracker", "tracker", "bugs", "issuetracker"));

    private ProjectLinks() {
    }

    /** PyPI's {@code project_urls}, label → URL, in the index's order. */
    public static List<SourceRef> pypi(Map<String, String> projectUrls, RepositoryUrls urls) {
        List<Map.Entry<String, String>> ranked = new ArrayList<>(projectUrls.entrySet());
        ranked.sort(Comparator.comparingInt(e -> pypiRank(e.getKey())));
        return distinct(ranked.stream().map(e -> urls.parse(e.getValue())).toList());
    }

    /**
     * An npm packument's links.
     *
     * @param repository {@code repository} (a string or the object's {@code url}); empty when absent
     * @param directory {@code repository.directory}; empty when absent
     * @param homepage {@code homepage}; empty when absent
     * @param bugs {@code bugs} (a string or the object's {@code url}); empty when absent
     */
    public static List<SourceRef> npm(String repository, String directory, String homepage, String bugs,
            RepositoryUrls urls) {
        return distinct(List.of(urls.parseNpm(repository, directory), urls.parse(homepage), urls.parse(bugs)));
    }

    /** A pom's {@code <scm><url>}, {@code <scm><connection>}, then {@code <url>}. */
    public static List<SourceRef> pom(PomProject pom, RepositoryUrls urls) {
        return distinct(List.of(urls.parse(pom.scm().url()), urls.parse(pom.scm().connection()),
                urls.parse(pom.scm().developerConnection()), urls.parse(pom.url())));
    }

    /** The rank of a PyPI label: 0 changelog, 1 source, 2 home page, 3 issues, 4 anything else. */
    static int pypiRank(String label) {
        String key = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        for (int i = 0; i < PYPI_RANKS.size(); i++) {
            if (PYPI_RANKS.get(i).contains(key)) {
                return i;
            }
        }
        return PYPI_RANKS.size();
    }

    /** The sources in order, each once; a monorepo directory followed by its repository's root. */
    static List<SourceRef> distinct(List<Optional<SourceRef>> found) {
        Set<SourceRef> out = new LinkedHashSet<>();
        for (Optional<SourceRef> ref : found) {
            ref.ifPresent(r -> {
                out.add(r);
                if (r instanceof SourceRef.Repo repo && !repo.directory().isEmpty()) {
                    out.add(repo.root());
                }
            });
        }
        return List.copyOf(out);
    }
}
