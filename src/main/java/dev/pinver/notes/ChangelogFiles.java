package dev.pinver.notes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The changelog files looked for in a repository: a fixed list of names in the package's directory
 * (monorepos) and at the root, then a fixed list of paths under {@code docs/} and {@code doc/}
 * (fastapi's {@code docs/en/docs/release-notes.md}, Sphinx's {@code docs/source/changelog.rst}). Nothing
 * is crawled: a path is checked by listing the directories on it, each at most once and only when
 * its parent's listing shows it, and names match ignoring case ({@code History.md}).
 */
final class ChangelogFiles {

    /** File names, most likely first. */
    static final List<String> NAMES = List.of("CHANGELOG.md", "CHANGES.md", "HISTORY.md", "NEWS.md", "RELEASE_NOTES.md",
            "RELEASES.md", "CHANGELOG.rst", "CHANGES.rst", "HISTORY.rst", "NEWS.rst", "RELEASE_NOTES.rst",
            "CHANGELOG.txt", "CHANGES.txt", "HISTORY.txt", "NEWS.txt", "CHANGELOG", "CHANGES", "HISTORY", "NEWS");

    /** Documentation paths, most likely first. */
    static final List<String> DOC_PATHS = List.of("docs/release-notes.md", "docs/en/docs/release-notes.md",
            "docs/changelog.md", "docs/history.md", "docs/changes.md", "docs/news.md", "docs/release-notes.rst",
            "docs/changelog.rst", "docs/changes.rst", "docs/history.rst", "docs/news.rst", "docs/whatsnew.rst",
            "docs/source/changelog.rst", "docs/source/changes.rst", "docs/source/history.rst",
            "doc/changelog.rst", "doc/changes.rst", "doc/news.rst", "doc/changelog.md");

    private final ForgeApi api;
    private final SourceRef.Repo repo;
    private final Map<String, Optional<List<ForgeApi.Entry>>> listings = new HashMap<>();

    ChangelogFiles(ForgeApi api, SourceRef.Repo repo) {
        this.api = api;
        this.repo = repo;
    }

    /** The paths to look for, in order: {@link #NAMES} in the package's directory, at the root, then {@link #DOC_PATHS}. */
    static List<String> candidates(String directory) {
        List<String> out = new ArrayList<>();
        if (!directory.isEmpty()) {
            NAMES.forEach(n -> out.add(directory + "/" + n));
        }
        out.addAll(NAMES);
        out.addAll(DOC_PATHS);
        return out;
    }

    /** The path as the repository spells it, when the file is there. */
    Optional<String> resolve(String path) {
        String[] segments = path.split("/");
        String dir = "";
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            Optional<ForgeApi.Entry> entry = find(dir, segments[i], !last);
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            dir = dir.isEmpty() ? entry.get().name() : dir + "/" + entry.get().name();
        }
        return Optional.of(dir);
    }

    private Optional<ForgeApi.Entry> find(String dir, String name, boolean directory) {
        Optional<List<ForgeApi.Entry>> listing = listings.get(dir);
        if (listing == null) {
            listing = api.list(repo, dir);
            listings.put(dir, listing);
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        return listing.orElse(List.of()).stream()
                .filter(e -> e.directory() == directory && e.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }
}
