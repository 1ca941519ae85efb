package dev.pinver.notes;

import dev.pinver.PinverException;
import dev.pinver.check.CheckService;
import dev.pinver.check.Schemes;
import dev.pinver.lock.Locks;
import dev.pinver.manifest.Dependency;
import dev.pinver.manifest.Ecosystem;
import dev.pinver.manifest.ManifestFinder;
import dev.pinver.manifest.ManifestLoader;
import dev.pinver.manifest.Pep508;
import dev.pinver.manifest.Source;
import dev.pinver.manifest.SpecSyntax;
import dev.pinver.outdated.ReleaseSource;
import dev.pinver.policy.Classifier;
import dev.pinver.policy.Settings;
import dev.pinver.registry.RegistryException;
import dev.pinver.version.InvalidSpecException;
import dev.pinver.version.VersionScheme;
import dev.pinver.version.VersionSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code pinver notes} and {@code outdated --notes}: fills in what the user left out, then asks
 * {@link NotesFinder}. The package's ecosystem is the one its manifests under the given paths declare
 * it in; {@code from} is its locked version, else the lower bound of its spec (the lowest, when
 * several manifests declare it); {@code to} is the registry's newest release as the policy offers it.
 * The sources tried are the one the user named, then those the registry's metadata names.
 */
public final class NotesService {

    private final CheckService checker;
    private final Map<Ecosystem, ReleaseSource> releases;
    private final RegistryLinks links;
    private final NotesFinder finder;
    private final Clock clock;

    public NotesService(CheckService checker, Map<Ecosystem, ReleaseSource> releases, RegistryLinks links,
            NotesFinder finder, Clock clock) {
        this.checker = checker;
        this.releases = Map.copyOf(releases);
        this.links = links;
        this.finder = finder;
        this.clock = clock;
    }

    /**
     * What {@code pinver notes} was asked.
     *
     * @param packageName the package as the user wrote it
     * @param ecosystem the ecosystem, when given
     * @param from the version upgraded from, when given
     * @param to the version upgraded to, when given
     * @param source a source to try first: a repository or changelog URL, or a local file
     * @param paths where the project's manifests are
     */
    public record Request(String packageName, Optional<Ecosystem> ecosystem, Optional<String> from,
            Optional<String> to, Optional<String> source, List<Path> paths) {
    }

    /**
     * The notes and what the user should know about how they were found.
     *
     * @param result the search's result
     * @param warnings one line each: a default that could not be filled in, a manifest that could not be read
     */
    public record Answer(NotesResult result, List<String> warnings) {
    }

    /**
     * One upgrade whose notes {@code outdated --notes} summarises.
     *
     * @param dependency the dependency
     * @param from its resolved version
     * @param to the version it can move to
     */
    public record Upgrade(Dependency dependency, String from, String to) {
    }

    /**
     * @throws PinverException {@code USAGE} when the package's ecosystem cannot be told, a version is
     *     not one, {@code from} is above {@code to}, or the named source is neither a URL nor a file
     */
    public Answer notes(Request request) {
        List<String> warnings = new ArrayList<>();
        boolean needManifests = request.ecosystem().isEmpty() || request.from().isEmpty();
        List<Dependency> declared = needManifests ? declared(request, warnings) : List.of();
        Ecosystem ecosystem = request.ecosystem().orElseGet(() -> ecosystemOf(request.packageName(), declared,
                request.paths()));
        String name = normalise(request.packageName(), ecosystem);
        List<Dependency> deps = declared.stream().filter(d -> d.ecosystem() == ecosystem && d.name().equals(name)).toList();
        SpecSyntax syntax = deps.stream().map(Dependency::syntax).findFirst().orElse(defaultSyntax(ecosystem));
        VersionScheme<?> scheme = Schemes.of(syntax);
        ReleaseOrder<?> order = ReleaseOrder.of(scheme);
        request.from().ifPresent(v -> requireVersion("--from", v, order, ecosystem));
        request.to().ifPresent(v -> requireVersion("--to", v, order, ecosystem));
        Optional<String> policySource = deps.stream().findFirst().flatMap(d -> checker.settingsFor(d).notes());
        List<SourceRef> named = request.source().or(() -> policySource).map(s -> List.of(named(s))).orElse(List.of());

        Optional<String> from = request.from().or(() -> defaultFrom(deps, scheme, order, warnings));
        Optional<String> to = request.to().or(() -> latest(ecosystem, name, deps, scheme, warnings));
        if (from.isPresent() && to.isPresent()) {
            int c = compare(from.get(), to.get(), order);
            if (c > 0 && request.from().isPresent() && request.to().isPresent()) {
                throw new PinverException(PinverException.Kind.USAGE, "--from " + from.get() + " is above --to " + to.get());
            }
            if (c >= 0) {
                NotesReport none = new NotesReport(name, ecosystem.id(), from, to, "", List.of());
                warnings.add(name + " " + from.get() + " is already at or above " + to.get() + ": nothing to read");
                return new Answer(new NotesResult(none, NotesResult.Status.EMPTY, List.of()), warnings);
            }
        }
        NotesQuery query = new NotesQuery(name, ecosystem.id(), from, to, order);
        return new Answer(find(query, ecosystem, named, to.or(() -> from)), warnings);
    }

    /**
     * The notes summary of each upgrade, asked {@code concurrency} at a time; a failure is an
     * "unavailable" summary, never an exception.
     */
    public Map<Dependency, NotesSummary> summaries(List<Upgrade> upgrades, int concurrency) {
        Map<Dependency, NotesSummary> out = new LinkedHashMap<>();
        if (upgrades.isEmpty()) {
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, upgrades.size())), r -> {
            Thread t = new Thread(r, "pinver-notes");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<NotesSummary>> futures = upgrades.stream()
                    .map(u -> CompletableFuture.supplyAsync(() -> summary(u), pool)).toList();
            for (int i = 0; i < upgrades.size(); i++) {
                out.put(upgrades.get(i).dependency(), futures.get(i).join());
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private NotesSummary summary(Upgrade u) {
        Dependency d = u.dependency();
        try {
            ReleaseOrder<?> order = ReleaseOrder.of(Schemes.of(d.syntax()));
            NotesQuery query = new NotesQuery(d.name(), d.ecosystem().id(), Optional.of(u.from()), Optional.of(u.to()), order);
            return NotesSummary.of(find(query, d.ecosystem(), List.of(), Optional.of(u.to())));
        } catch (RuntimeException e) {
            return NotesSummary.unavailable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), "");
        }
    }

    private NotesResult find(NotesQuery query, Ecosystem ecosystem, List<SourceRef> named, Optional<String> version) {
        return finder.find(query, named, new NotesFinder.Deferred(ecosystem.id() + " registry metadata of "
                + query.packageName(), () -> links.of(ecosystem, query.packageName(), version)));
    }

    private List<Dependency> declared(Request request, List<String> warnings) {
        ManifestLoader.Loaded loaded = ManifestLoader.load(ManifestFinder.find(request.paths()));
        loaded.allProblems().forEach(p -> warnings.add(p.location() + ": " + p.message()));
        return loaded.dependencies().stream().filter(d -> d.source() == Source.REGISTRY).toList();
    }

    /** The one ecosystem whose manifests declare the package. */
    private static Ecosystem ecosystemOf(String packageName, List<Dependency> declared, List<Path> paths) {
        Set<Ecosystem> found = new LinkedHashSet<>();
        for (Dependency d : declared) {
            if (d.name().equals(normalise(packageName, d.ecosystem()))) {
                found.add(d.ecosystem());
            }
        }
        String where = paths.stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse(".");
        if (found.isEmpty()) {
            throw new PinverException(PinverException.Kind.USAGE, packageName + " is not a dependency in the manifests under "
                    + where + "; name its ecosystem with --ecosystem pypi|npm|maven");
        }
        if (found.size() > 1) {
            throw new PinverException(PinverException.Kind.USAGE, packageName + " is declared for "
                    + found.stream().map(Ecosystem::id).toList() + " under " + where + "; choose one with --ecosystem");
        }
        return found.iterator().next();
    }

    /** The name as pinver normalises it in manifests: PEP 503 for PyPI, as written elsewhere. */
    static String normalise(String name, Ecosystem ecosystem) {
        return ecosystem == Ecosystem.PYPI && Pep508.isValidName(name) ? Pep508.normalise(name) : name.strip();
    }

    private static SpecSyntax defaultSyntax(Ecosystem ecosystem) {
        return switch (ecosystem) {
            case PYPI -> SpecSyntax.PEP440;
            case NPM -> SpecSyntax.NPM;
            case MAVEN -> SpecSyntax.MAVEN;
        };
    }

    private static void requireVersion(String option, String version, ReleaseOrder<?> order, Ecosystem ecosystem) {
        if (order.key(version).isEmpty()) {
            throw new PinverException(PinverException.Kind.USAGE, option + " " + version + " is not a " + ecosystem.id() + " version");
        }
    }

    /** A source the user named: a URL (a repository, a file in one, a changelog), or a local file. */
    private SourceRef named(String source) {
        String s = source.strip();
        Optional<SourceRef> parsed = finder.repositoryUrls().parse(s);
        if (parsed.isPresent()) {
            return parsed.get();
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("file:")) {
            return new SourceRef.WebFile(s);
        }
        Path path = Path.of(s);
        if (!Files.isRegularFile(path)) {
            throw new PinverException(PinverException.Kind.USAGE, "--source " + s + ": neither a URL nor a file");
        }
        return new SourceRef.LocalFile(path);
    }

    /** The lowest locked version, else the lowest lower bound of the specs. */
    private static Optional<String> defaultFrom(List<Dependency> deps, VersionScheme<?> scheme, ReleaseOrder<?> order,
            List<String> warnings) {
        List<String> locked = new ArrayList<>();
        for (Dependency d : deps) {
            try {
                Locks.forManifest(d.manifest()).flatMap(l -> l.versionOf(d.name())).ifPresent(locked::add);
            } catch (PinverException e) {
                warnings.add(e.oneLine());
            }
        }
        if (!locked.isEmpty()) {
            return lowest(locked, order);
        }
        List<String> bounds = new ArrayList<>();
        deps.forEach(d -> lowerBound(d.spec(), scheme).ifPresent(bounds::add));
        return lowest(bounds, order);
    }

    private static <V extends Comparable<? super V>> Optional<String> lowerBound(String spec, VersionScheme<V> scheme) {
        try {
            VersionSet<V> set = scheme.parseSpec(spec);
            if (set.isEmpty() || !set.first().hasLowerBound()) {
                return Optional.empty();
            }
            return Optional.of(set.first().lower().toString());
        } catch (InvalidSpecException e) {
            return Optional.empty();
        }
    }

    private static <K> Optional<String> lowest(List<String> versions, ReleaseOrder<K> order) {
        return versions.stream().filter(v -> order.key(v).isPresent())
                .min(Comparator.comparing(v -> order.key(v).orElseThrow(), order::compare));
    }

    private static <K> int compare(String a, String b, ReleaseOrder<K> order) {
        return order.compare(order.require(a), order.require(b));
    }

    /** The newest release the policy offers, from the registry; empty (with a warning) when it cannot say. */
    private Optional<String> latest(Ecosystem ecosystem, String name, List<Dependency> deps, VersionScheme<?> scheme,
            List<String> warnings) {
        ReleaseSource source = releases.get(ecosystem);
        if (source == null) {
            warnings.add("no " + ecosystem.id() + " registry to ask for the newest " + name + "; showing every release after --from");
            return Optional.empty();
        }
        ReleaseSource.Answer answer;
        try {
            answer = source.releases(name);
        } catch (PinverException | RegistryException | IllegalArgumentException e) {
            answer = ReleaseSource.Answer.failed(e.getMessage());
        }
        if (answer.error().isPresent()) {
            warnings.add("the newest " + name + " is unknown (" + answer.error().get() + "); showing every release after --from");
            return Optional.empty();
        }
        Settings settings = deps.isEmpty() ? Settings.base(ecosystem) : checker.settingsFor(deps.get(0));
        return Classifier.classify("", Optional.empty(), answer.releases(), answer.latestTag(), settings, scheme,
                clock.instant()).latest();
    }
}
