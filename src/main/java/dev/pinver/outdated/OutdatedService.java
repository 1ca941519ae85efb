package dev.pinver.outdated;

import dev.pinver.PinverException;
import dev.pinver.check.CheckService;
import dev.pinver.check.Schemes;
import dev.pinver.lock.LockedVersions;
import dev.pinver.lock.Locks;
import dev.pinver.manifest.Dependency;
import dev.pinver.manifest.Ecosystem;
import dev.pinver.manifest.ManifestFinder;
import dev.pinver.manifest.ManifestLoader;
import dev.pinver.manifest.Problem;
import dev.pinver.manifest.Source;
import dev.pinver.policy.Classifier;
import dev.pinver.policy.Outdated;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * {@code pinver outdated}: asks each ecosystem's registry about every registry dependency, all
 * packages at once, and classifies what each can move to. A package whose answer fails becomes an
 * error row; the others are still reported.
 */
public final class OutdatedService {

    private final CheckService checker;
    private final Releases releases;
    private final Clock clock;

    /**
     * @param sources the registry of each ecosystem; an ecosystem without one is reported as an error per package
     * @param concurrency how many packages are asked about at once (the HTTP layer bounds each host further)
     */
    public OutdatedService(CheckService checker, Map<Ecosystem, ReleaseSource> sources, Clock clock, int concurrency) {
        this.checker = checker;
        this.releases = new Releases(sources, concurrency);
        this.clock = clock;
    }

    /**
     * @param progress told the number of packages once, then called once per package answered
     */
    public OutdatedReport run(List<Path> paths, Consumer<Integer> total, Runnable progress) {
        ManifestLoader.Loaded loaded = ManifestLoader.load(ManifestFinder.find(paths));
        List<Dependency> deps = loaded.dependencies().stream().filter(d -> d.source() == Source.REGISTRY).toList();
        Set<Releases.Key> keys = new LinkedHashSet<>();
        deps.forEach(d -> keys.add(new Releases.Key(d.ecosystem(), d.name())));
        total.accept(keys.size());
        Map<Releases.Key, ReleaseSource.Answer> answers = releases.fetch(keys, progress);

        List<Problem> problems = new ArrayList<>(loaded.allProblems());
        Map<Path, Optional<LockedVersions>> locks = new ConcurrentHashMap<>();
        List<OutdatedReport.Row> rows = new ArrayList<>();
        for (Dependency d : deps) {
            ReleaseSource.Answer answer = answers.get(new Releases.Key(d.ecosystem(), d.name()));
            Optional<LockedVersions> lock = lockFor(d, locks, problems);
            Optional<String> lockFile = lock.filter(l -> l.versionOf(d.name()).isPresent())
                    .map(l -> l.lockFile().toString());
            if (answer.error().isPresent()) {
                rows.add(new OutdatedReport.Row(d, Optional.empty(), answer.error(), lockFile));
                continue;
            }
            Outdated o = Classifier.classify(d.spec(), lock.flatMap(l -> l.versionOf(d.name())), answer.releases(),
                    answer.latestTag(), checker.settingsFor(d), Schemes.of(d.syntax()), clock.instant());
            rows.add(new OutdatedReport.Row(d, Optional.of(o), Optional.empty(), lockFile));
        }
        return new OutdatedReport(loaded.manifests().size(), rows, problems);
    }

    /** The lock file's version for a dependency, reading each manifest's lock once; a broken lock is a problem. */
    static Optional<LockedVersions> lockFor(Dependency d, Map<Path, Optional<LockedVersions>> locks,
            List<Problem> problems) {
        return locks.computeIfAbsent(d.declaredAt().file(), manifest -> {
            try {
                return Locks.forManifest(manifest);
            } catch (PinverException e) {
                problems.add(new Problem(e.location().orElse(d.declaredAt()), e.getMessage()));
                return Optional.empty();
            }
        });
    }
}
