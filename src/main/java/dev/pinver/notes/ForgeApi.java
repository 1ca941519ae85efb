package dev.pinver.notes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What release notes need from a forge's REST API. Failures are {@link dev.pinver.registry.RegistryException}s
 * with redacted one-line messages; something that is not there is an empty answer.
 */
sealed interface ForgeApi permits GithubApi, GitlabApi {

    /** The most release pages read from one repository (100 releases a page). */
    int MAX_PAGES = 10;

    /**
     * The repository's published releases, newest first (drafts and upcoming releases left out), page
     * by page until {@code enough} says the releases read so far suffice or there are no more.
     */
    List<RepoRelease> releases(SourceRef.Repo repo, Predicate<List<RepoRelease>> enough);

    /** The entries of a directory of the default branch ({@code ""}: the root); empty when it is not there. */
    Optional<List<Entry>> list(SourceRef.Repo repo, String directory);

    /** A file's text at {@code ref} (empty: the default branch); empty when it is not there. */
    Optional<String> read(SourceRef.Repo repo, String file, String ref);

    /** The page comparing two tags: {@code https://github.com/o/r/compare/v1.0.0...v1.1.0}. */
    String compareUrl(SourceRef.Repo repo, String fromTag, String toTag);

    /** The page listing the releases. */
    String releasesUrl(SourceRef.Repo repo);

    /**
     * One release on a forge.
     *
     * @param tag its tag
     * @param body its notes, Markdown
     * @param published when it was published, when the forge says
     * @param url its page, for the report
     */
    record RepoRelease(String tag, String body, Optional<Instant> published, String url) {
    }

    /**
     * One entry of a directory listing.
     *
     * @param name its name
     * @param directory whether it is a directory
     */
    record Entry(String name, boolean directory) {
    }
}
