package dev.pinver.notes;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pinver.notes.NotesResult.Attempt;
import dev.pinver.notes.NotesResult.Status;
import dev.pinver.registry.Http;
import dev.pinver.registry.RegistryException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Looks for one package's release notes through a ranked list of sources, taking the first that has
 * the whole range. Per source:
 * <ul>
 * <li>a local file, a changelog URL, or a file in a repository: read and cut into releases
 *     ({@link Changelog}); an HTML page is not read, but remembered as the place to look;
 * <li>a repository: its releases on the forge, tags matched to versions by {@link TagVersion}
 *     (releases with an empty body do not count), then its changelog files ({@link ChangelogFiles}).
 * </ul>
 * A source "has the whole range" when it has a release equal to {@code to} (or, with no {@code to},
 * any release after {@code from}). Failing that, the source with the most releases in the range
 * wins; then a source that was read but had none in range ({@link Status#EMPTY}); then a page to look
 * at: a changelog page, else the repository's compare view ({@link Status#LINK_ONLY}). A failure
 * (network, rate limit) is an attempt like any other: the next source is tried. Thread-safe: each
 * call keeps its own state.
 */
public final class NotesFinder {

    /** What a changelog URL is asked for. */
    static final String CHANGELOG_ACCEPT = "text/markdown, text/x-rst;q=0.9, text/plain;q=0.9, */*;q=0.5";
    /** The largest local changelog read. */
    private static final long MAX_FILE_BYTES = 64L << 20;

    private final Http http;
    private final ForgeOptions options;
    private final Clock clock;
    private final Map<String, ForgeApi> apis = new ConcurrentHashMap<>();

    public NotesFinder(Http http, ForgeOptions options) {
        this(http, options, Clock.systemUTC());
    }

    /** With a clock of the caller's choosing, for rate-limit resets. */
    NotesFinder(Http http, ForgeOptions options, Clock clock) {
        this.http = http;
        this.options = options;
        this.clock = clock;
    }

    /** How links in package metadata are read, given the forges configured. */
    public RepositoryUrls repositoryUrls() {
        return options.repositoryUrls();
    }

    /**
     * Sources found only when needed, such as those a registry's metadata names.
     *
     * @param shown what is asked, for the attempts list ({@code pypi registry metadata of fastapi})
     * @param sources asks; may throw {@link RegistryException}
     */
    public record Deferred(String shown, Supplier<List<SourceRef>> sources) {
    }

    /** The release notes of {@code query}, from the first of {@code candidates} that has them all. */
    public NotesResult find(NotesQuery query, List<SourceRef> candidates) {
        return find(query, candidates, new Deferred("", List::of));
    }

    /**
     * The release notes of {@code query}, from the first of {@code candidates}, then of {@code more},
     * that has them all; {@code more} is asked only when {@code candidates} do not suffice.
     */
    public NotesResult find(NotesQuery query, List<SourceRef> candidates, Deferred more) {
        Search search = new Search(query);
        if (search.probeAll(candidates)) {
            return search.result();
        }
        List<SourceRef> later;
        try {
            later = more.sources().get();
        } catch (RegistryException e) {
            search.attempts.add(new Attempt(more.shown(), e.getMessage(), true));
            return search.result();
        } catch (RuntimeException e) {
            search.attempts.add(new Attempt(more.shown(), "unexpected answer: " + e.getClass().getSimpleName(), true));
            return search.result();
        }
        if (later.isEmpty() && !more.shown().isEmpty()) {
            search.attempts.add(new Attempt(more.shown(), "names no repository or changelog", false));
        }
        search.probeAll(later);
        return search.result();
    }

    /** The API serving a repository: the configured one for its forge, or {@code https://host/api/v4} for another GitLab. */
    private ForgeApi api(SourceRef.Repo repo) {
        return switch (repo.forge()) {
            case GITHUB -> apis.computeIfAbsent(options.githubApi(), base -> new GithubApi(
                    new ForgeHttp(http, base, options.githubToken(), "GITHUB_TOKEN", options.maxRateLimitWait(), clock)));
            case GITLAB -> {
                boolean configured = repo.host().equals("gitlab.com")
                        || repo.host().equals(ForgeOptions.host(options.gitlabApi()));
                String base = configured ? options.gitlabApi() : "https://" + repo.host() + "/api/v4";
                yield apis.computeIfAbsent(base, b -> new GitlabApi(new ForgeHttp(http, b,
                        configured ? options.gitlabToken() : Optional.empty(), "GITLAB_TOKEN",
                        options.maxRateLimitWait(), clock)));
            }
        };
    }

    /** One search: what was tried, the best answer so far, and what was already read. */
    private final class Search {

        private final NotesQuery query;
        private final TagVersion tags;
        private final List<Attempt> attempts = new ArrayList<>();
        private final Set<String> done = new HashSet<>();
        private final Map<SourceRef.Repo, ChangelogFiles> files = new HashMap<>();
        private final Map<SourceRef.Repo, String> tagPrefix = new HashMap<>();
        private List<Release> best = List.of();
        private String bestSource;
        private String emptySource;
        private String page;
        private SourceRef.Repo firstRepo;

        Search(NotesQuery query) {
            this.query = query;
            this.tags = TagVersion.forPackage(query.packageName());
        }

        /** Tries sources in order until one has the whole range; true when one had. */
        boolean probeAll(List<SourceRef> refs) {
            for (SourceRef ref : refs) {
                if (probe(ref)) {
                    return true;
                }
            }
            return false;
        }

        /** Tries one source; true when it has the whole range. A repository's releases and files fail apart. */
        boolean probe(SourceRef ref) {
            if (ref instanceof SourceRef.Repo r) {
                remember(r);
                return guarded(r.shown(), () -> releases(r)) || guarded(r.shown(), () -> changelogFiles(r));
            }
            return guarded(ref.shown(), () -> {
                if (ref instanceof SourceRef.LocalFile f) {
                    return local(f.path()).map(text -> changelog(f.shown(), text, f.path().getFileName().toString()))
                            .orElse(false);
                }
                if (ref instanceof SourceRef.WebFile w) {
                    return done.add(w.url()) && web(w.url());
                }
                SourceRef.RepoFile f = (SourceRef.RepoFile) ref;
                remember(f.repo());
                if (!done.add(f.shown())) {
                    return false;
                }
                Optional<String> text = api(f.repo()).read(f.repo(), f.file(), f.ref());
                if (text.isEmpty()) {
                    attempts.add(new Attempt(f.shown(), "not found", false));
                    return false;
                }
                return changelog(f.shown(), text.get(), f.file());
            });
        }

        /** Runs one probe; a failure becomes a failed attempt at {@code shown}. */
        private boolean guarded(String shown, BooleanSupplier probe) {
            try {
                return probe.getAsBoolean();
            } catch (RegistryException e) {
                attempts.add(new Attempt(shown, e.getMessage(), true));
                return false;
            } catch (RuntimeException e) {
                // untrusted answers must not end the search: whatever slipped through validation is this source's failure
                attempts.add(new Attempt(shown, "unexpected answer: " + e.getClass().getSimpleName(), true));
                return false;
            }
        }

        private void remember(SourceRef.Repo repo) {
            if (firstRepo == null) {
                firstRepo = repo.root();
            }
        }

        private Optional<String> local(Path path) {
            try {
                if (Files.size(path) > MAX_FILE_BYTES) {
                    attempts.add(new Attempt(path.toString(), "larger than " + (MAX_FILE_BYTES >> 20) + " MiB", true));
                    return Optional.empty();
                }
                return Optional.of(new String(Files.readAllBytes(path), UTF_8));
            } catch (IOException e) {
                attempts.add(new Attempt(path.toString(), "cannot read: " + e.getClass().getSimpleName(), true));
                return Optional.empty();
            }
        }

        private boolean web(String url) {
            Http.Response response;
            try {
                response = http.get(url, CHANGELOG_ACCEPT);
            } catch (RegistryException e) {
                boolean missing = e.reason() == RegistryException.Reason.NOT_FOUND;
                attempts.add(new Attempt(url, missing ? "not found" : e.getMessage(), !missing));
                return false;
            }
            String type = response.mediaType();
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                attempts.add(new Attempt(url, "a web page, not a changelog file", false));
                if (page == null) {
                    page = url;
                }
                return false;
            }
            return changelog(url, new String(response.body(), UTF_8), lastSegment(url));
        }

        /** Cuts a changelog that was read into releases and considers them. */
        private boolean changelog(String shown, String text, String fileName) {
            return consider(shown, Changelog.parse(text, ChangelogFormat.forFileName(fileName)).releases());
        }

        private boolean releases(SourceRef.Repo repo) {
            SourceRef.Repo root = repo.root();
            if (!done.add("releases " + root)) {
                return false;
            }
            ForgeApi api = api(root);
            String shown = api.releasesUrl(root);
            List<ForgeApi.RepoRelease> listed = api.releases(root, this::pastFrom);
            List<Release> found = new ArrayList<>();
            for (ForgeApi.RepoRelease r : listed) {
                Optional<String> version = tags.version(r.tag(), query.order());
                version.ifPresent(v -> tagPrefix.putIfAbsent(root, r.tag().strip().substring(0, r.tag().strip().length() - v.length())));
                if (version.isPresent() && !r.body().isBlank()) {
                    Optional<LocalDate> date = r.published().map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC));
                    found.add(Release.ofBody(version.get(), date, r.body()));
                }
            }
            if (found.isEmpty()) {
                attempts.add(new Attempt(shown, listed.isEmpty() ? "no releases"
                        : listed.size() + " releases, none with notes for " + query.packageName(), false));
                return false;
            }
            return consider(shown, found);
        }

        private boolean changelogFiles(SourceRef.Repo repo) {
            SourceRef.Repo root = repo.root();
            ChangelogFiles here = files.computeIfAbsent(root, r -> new ChangelogFiles(api(r), r));
            boolean any = false;
            for (String path : ChangelogFiles.candidates(repo.directory())) {
                Optional<String> found = here.resolve(path);
                if (found.isEmpty() || !done.add("file " + root + " " + found.get())) {
                    continue;
                }
                any = true;
                String shown = new SourceRef.RepoFile(root, "", found.get()).shown();
                Optional<String> text = api(root).read(root, found.get(), "");
                if (text.isPresent() && changelog(shown, text.get(), found.get())) {
                    return true;
                }
            }
            if (!any && done.add("no files " + repo)) {
                attempts.add(new Attempt(repo.webUrl() + (repo.directory().isEmpty() ? "" : " (" + repo.directory() + ")"),
                        "no changelog file", false));
            }
            return false;
        }

        /** Records a source that was read; true when it has the whole range. */
        private boolean consider(String shown, List<Release> all) {
            List<Release> in = Changelog.between(all, query.from().orElse(null), query.to().orElse(null), query.order());
            attempts.add(new Attempt(shown, all.size() + (all.size() == 1 ? " release, " : " releases, ") + in.size()
                    + " in range", false));
            if (in.size() > best.size()) {
                best = in;
                bestSource = shown;
            }
            if (emptySource == null) {
                emptySource = shown;
            }
            return !in.isEmpty() && (query.to().isEmpty() || equal(in.get(0).version(), query.to().get(), query.order()));
        }

        /** Whether the releases listed so far reach back to {@code from}, so older pages are not needed. */
        private boolean pastFrom(List<ForgeApi.RepoRelease> listed) {
            if (query.from().isEmpty()) {
                return false;
            }
            return listed.stream().anyMatch(r -> tags.version(r.tag(), query.order())
                    .filter(v -> atMost(v, query.from().get(), query.order())).isPresent());
        }

        NotesResult result() {
            if (bestSource != null) {
                return new NotesResult(report(bestSource, best), Status.FOUND, attempts);
            }
            if (emptySource != null) {
                return new NotesResult(report(emptySource, List.of()), Status.EMPTY, attempts);
            }
            Optional<String> link = Optional.ofNullable(page).or(this::compareLink);
            return link.map(l -> new NotesResult(report(l, List.of()), Status.LINK_ONLY, attempts))
                    .orElseGet(() -> new NotesResult(report("", List.of()), Status.NOTHING, attempts));
        }

        /** The compare view between the two tags, or the releases page when {@code from} is open. */
        private Optional<String> compareLink() {
            if (firstRepo == null) {
                return Optional.empty();
            }
            ForgeApi api = api(firstRepo);
            if (query.from().isEmpty() || query.to().isEmpty()) {
                return Optional.of(api.releasesUrl(firstRepo));
            }
            String prefix = tagPrefix.getOrDefault(firstRepo, "v");
            return Optional.of(api.compareUrl(firstRepo, prefix + query.from().get(), prefix + query.to().get()));
        }

        private NotesReport report(String source, List<Release> releases) {
            return new NotesReport(query.packageName(), query.ecosystem(), query.from(), query.to(), source, releases);
        }
    }

    private static <K> boolean equal(String a, String b, ReleaseOrder<K> order) {
        Optional<K> ka = order.key(a);
        Optional<K> kb = order.key(b);
        return ka.isPresent() && kb.isPresent() && order.compare(ka.get(), kb.get()) == 0;
    }

    private static <K> boolean atMost(String a, String b, ReleaseOrder<K> order) {
        Optional<K> ka = order.key(a);
        Optional<K> kb = order.key(b);
        return ka.isPresent() && kb.isPresent() && order.compare(ka.get(), kb.get()) <= 0;
    }

    private static String lastSegment(String url) {
        try {
            String path = URI.create(url).getPath();
            return path == null ? "" : path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
