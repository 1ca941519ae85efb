package dev.pinver.upgrade;

import dev.pinver.check.CheckService;
import dev.pinver.check.Schemes;
import dev.pinver.gate.Candidate;
import dev.pinver.gate.Edits;
import dev.pinver.gate.Group;
import dev.pinver.gate.UpgradeRequest;
import dev.pinver.lock.LockedVersions;
import dev.pinver.lock.Locks;
import dev.pinver.manifest.Dependency;
import dev.pinver.manifest.ManifestFinder;
import dev.pinver.manifest.ManifestLoader;
import dev.pinver.manifest.Problem;
import dev.pinver.manifest.Source;
import dev.pinver.outdated.ReleaseSource;
import dev.pinver.outdated.Releases;
import dev.pinver.policy.Classifier;
import dev.pinver.policy.Judge;
import dev.pinver.policy.Outdated;
import dev.pinver.policy.Settings;
import dev.pinver.policy.UpdateKind;
import dev.pinver.version.VersionScheme;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Works out which upgrades {@code pinver upgrade} tries: for each dependency, the newest offered
 * release of every window past its current one that the policy allows, each with the spec that
 * moves the pin there in the user's style.
 */
public final class UpgradePlanner {

    private final CheckService checker;
    private final Releases releases;
    private final Clock clock;

    public UpgradePlanner(CheckService checker, Releases releases, Clock clock) {
        this.checker = checker;
        this.releases = releases;
        this.clock = clock;
    }

    /**
     * @param repository the repository root; manifests in requests are relative to it
     * @param packages the packages to upgrade (as the user wrote them); empty for all
     * @param level the largest step to take; empty for what the policy's {@code allow} permits
     * @param grouped upgrade the policy's groups together
     */
    public UpgradePlan plan(Path repository, List<Path> paths, List<String> packages, Optional<UpdateKind> level,
            boolean grouped) {
        ManifestLoader.Loaded loaded = ManifestLoader.load(ManifestFinder.find(paths));
        Map<String, Dependency> byPackage = new LinkedHashMap<>();
        for (Dependency d : loaded.dependencies()) {
            if (d.source() == Source.REGISTRY && wanted(d, packages)) {
                byPackage.putIfAbsent(d.ecosystem().id() + ":" + d.name(), d);
            }
        }
        Map<Releases.Key, ReleaseSource.Answer> answers = releases.configuredBy(loaded.manifests()).fetch(byPackage.values().stream()
                .map(d -> new Releases.Key(d.ecosystem(), d.name())).distinct().toList(), () -> { });
        List<Problem> problems = new ArrayList<>(loaded.allProblems());
        Map<Path, Optional<LockedVersions>> locks = new HashMap<>();
        List<String> notTried = new ArrayList<>();
        List<UpgradeRequest> requests = new ArrayList<>();
        Map<String, List<UpgradeRequest>> groups = new LinkedHashMap<>();
        long registryErrors = 0;
        for (Dependency d : byPackage.values()) {
            ReleaseSource.Answer answer = answers.get(new Releases.Key(d.ecosystem(), d.name()));
            if (answer.error().isPresent()) {
                notTried.add(d.name() + ": " + answer.error().get());
                registryErrors++;
                continue;
            }
            Optional<UpgradeRequest> request = request(repository, d, answer, level, locks, problems, notTried);
            if (request.isEmpty()) {
                continue;
            }
            Optional<String> group = grouped ? checker.settingsFor(d).group() : Optional.empty();
            if (group.isPresent()) {
                groups.computeIfAbsent(group.get(), g -> new ArrayList<>()).add(request.get());
            } else {
                requests.add(request.get());
            }
        }
        List<Group> groupList = groups.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList();
        return new UpgradePlan(requests, groupList, notTried, problems, registryErrors);
    }

    private Optional<UpgradeRequest> request(Path repository, Dependency d, ReleaseSource.Answer answer,
            Optional<UpdateKind> level, Map<Path, Optional<LockedVersions>> locks, List<Problem> problems,
            List<String> notTried) {
        Settings settings = checker.settingsFor(d);
        VersionScheme<?> scheme = Schemes.of(d.syntax());
        Optional<String> locked = Locks.forDependency(d, locks, problems).flatMap(l -> l.versionOf(d.name()));
        Outdated now = Classifier.classify(d.spec(), locked, answer.releases(), answer.latestTag(), settings, scheme,
                clock.instant());
        if (now.resolved().isEmpty()) {
            notTried.add(d.name() + ": no version is resolved now (no lock entry, and the spec admits no release)");
            return Optional.empty();
        }
        String from = now.resolved().get();
        List<String> steps = Classifier.upgradeSteps(from, answer.releases(), settings, level, scheme, clock.instant());
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        String manifest = repository.toAbsolutePath().normalize()
                .relativize(d.manifest().toAbsolutePath().normalize()).toString();
        List<Candidate> candidates = new ArrayList<>();
        for (String version : steps) {
            Optional<String> spec = Judge.specFor(version, settings, scheme);
            if (spec.isEmpty()) {
                continue;
            }
            String window = Classifier.window(releaseOf(scheme, version), settings.breaking()).stream()
                    .map(String::valueOf).collect(Collectors.joining("."));
            candidates.add(new Candidate(version, spec.get(), window, Edits.setSpec(manifest, d.name(), spec.get())));
        }
        if (candidates.isEmpty()) {
            notTried.add(d.name() + ": the policy cannot write a spec for " + steps.get(steps.size() - 1));
            return Optional.empty();
        }
        return Optional.of(new UpgradeRequest(d.name(), d.ecosystem(), Path.of(manifest), from, d.spec(), candidates, ""));
    }

    private static <V extends Comparable<? super V>> List<Integer> releaseOf(VersionScheme<V> scheme, String version) {
        return scheme.release(scheme.parseVersion(version));
    }

    private static boolean wanted(Dependency d, List<String> packages) {
        return packages.isEmpty() || packages.stream().anyMatch(d::isNamed);
    }
}
