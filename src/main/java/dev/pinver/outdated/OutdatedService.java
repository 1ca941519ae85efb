package dev.pinver.outdated;

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
import dev.pinver.policy.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

    /** @param sources the registry of each ecosystem; an ecosystem without one is reported as an error per package */
    public OutdatedService(CheckService checker, Map<Ecosystem, ReleaseSource> sources, Clock clock) {
        this.checker = checker;
        this.releases = new Releases(sources);
        this.clock = clock;
    }

    /**
     * @param progress told the number of packages once, then called once per package answered
     */
    public OutdatedReport run(List<Path> paths, Consumer<Integer> total, Runnable progress) {
        ManifestLoader.Loaded loaded = ManifestLoader.load(ManifestFinder.find(paths));
        List<Dependency> deps = loaded.dependencies().stream().filter(d -> d.source() == Source.REGISTRY).toList();
        Map<Releases.Key, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < deps.size(); i++) {
            byKey.computeIfAbsent(new Releases.Key(deps.get(i).ecosystem(), deps.get(i).name()), k -> new ArrayList<>()).add(i);
        }
        total.accept(byKey.size());
        // the registries are asked first; lock files and policies are read meanwhile, here, in order
        try (Releases.Asking asking = releases.configuredBy(loaded.manifests()).ask(byKey.keySet())) {
            List<Problem> problems = new ArrayList<>(loaded.allProblems());
            Map<Path, Optional<LockedVersions>> locks = new HashMap<>();
            List<Task> tasks = new ArrayList<>();
            for (Dependency d : deps) {
                Optional<LockedVersions> lock = Locks.forDependency(d, locks, problems);
                Settings settings = checker.settingsFor(d);
                tasks.add(new Task(d, checker.judge(d, settings).status().id(), lock.flatMap(l -> l.versionOf(d.name())),
                        lock.filter(l -> l.versionOf(d.name()).isPresent()).map(l -> l.lockFile().toString()),
                        settings));
            }
            Instant now = clock.instant();
            OutdatedReport.Row[] rows = new OutdatedReport.Row[deps.size()];
            List<CompletableFuture<Void>> classified = new ArrayList<>();
            // each package is classified on the thread that fetched it, as soon as its answer is there
            asking.answers().forEach((key, answer) -> classified.add(answer.thenAccept(a -> {
                for (int i : byKey.get(key)) {
                    rows[i] = tasks.get(i).row(a, now);
                }
                progress.run();
            })));
            try {
                CompletableFuture.allOf(classified.toArray(CompletableFuture[]::new)).join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            return new OutdatedReport(loaded.manifests().size(), List.of(rows), problems);
        }
    }

    /** One dependency with what its classification needs besides the registry's answer. */
    private record Task(Dependency dependency, String status, Optional<String> locked, Optional<String> lockFile,
            Settings settings) {

        OutdatedReport.Row row(ReleaseSource.Answer answer, Instant now) {
            if (answer.error().isPresent()) {
                return new OutdatedReport.Row(dependency, status, Optional.empty(), answer.error(), List.of(), lockFile);
            }
            Outdated o = Classifier.classify(dependency.spec(), locked, answer.releases(), answer.latestTag(), settings,
                    Schemes.of(dependency.syntax()), now);
            return new OutdatedReport.Row(dependency, status, Optional.of(o), Optional.empty(), answer.incomplete(), lockFile);
        }
    }
}
