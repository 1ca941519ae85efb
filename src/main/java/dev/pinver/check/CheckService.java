package dev.pinver.check;

import dev.pinver.manifest.Dependency;
import dev.pinver.manifest.ManifestFinder;
import dev.pinver.manifest.ManifestLoader;
import dev.pinver.manifest.PackageJsonReader;
import dev.pinver.manifest.PomReader;
import dev.pinver.manifest.Source;
import dev.pinver.manifest.SourceText;
import dev.pinver.manifest.SpecSyntax;
import dev.pinver.policy.Judge;
import dev.pinver.policy.PinMode;
import dev.pinver.policy.Policy;
import dev.pinver.policy.Settings;
import dev.pinver.policy.Verdict;
import dev.pinver.version.InvalidSpecException;
import dev.pinver.version.MavenVersion;
import dev.pinver.version.SpecStyle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** {@code pinver check}: reads the manifests under some paths and judges every pin by its policy. */
public final class CheckService {

    private final Function<Path, Policy> policyFor;
    private final Map<Path, Boolean> releaseBuild = new ConcurrentHashMap<>();

    /** @param policyFor the policy that governs a manifest (the repository's may differ per folder) */
    public CheckService(Function<Path, Policy> policyFor) {
        this.policyFor = policyFor;
    }

    public CheckReport check(List<Path> paths) {
        ManifestLoader.Loaded loaded = ManifestLoader.load(ManifestFinder.find(paths));
        List<CheckReport.Checked> checked = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Dependency d : loaded.dependencies()) {
            Verdict v = judge(d);
            checked.add(new CheckReport.Checked(d, v.status().id()));
            if (v.isFinding()) {
                findings.add(new Finding(d, v.status().id(), v.severity(), v.message(), v.suggested().orElse("")));
            }
        }
        return new CheckReport(loaded.manifests().size(), checked, findings, loaded.allProblems());
    }

    /** The verdict for one dependency under the settings its policy gives it. */
    public Verdict judge(Dependency d) {
        return judge(d, settingsFor(d));
    }

    /** The verdict for one dependency under the given settings (the policy's, perhaps with another style). */
    public Verdict judge(Dependency d, Settings settings) {
        if (isSnapshotInRelease(d)) {
            return new Verdict(Verdict.Status.SNAPSHOT_DEPENDENCY, Verdict.Status.SNAPSHOT_DEPENDENCY.defaultSeverity(),
                    d.name() + " " + d.spec() + " is a SNAPSHOT, but this build is a release: it cannot be reproduced",
                    Optional.empty());
        }
        return Judge.judge(d.name(), d.spec(), d.source(), settings, Schemes.of(d.syntax()));
    }

    /** A Maven -SNAPSHOT version in a pom whose own version is not a snapshot. */
    private boolean isSnapshotInRelease(Dependency d) {
        if (d.syntax() != SpecSyntax.MAVEN || d.source() != Source.REGISTRY) {
            return false;
        }
        try {
            if (!MavenVersion.parse(d.spec()).isSnapshot()) {
                return false;
            }
        } catch (InvalidSpecException e) {
            return false;
        }
        Path pom = d.declaredAt().file();
        return !releaseBuild.computeIfAbsent(pom, p -> new PomReader().project(p, SourceText.read(p)).snapshot());
    }

    /**
     * The settings its policy gives a dependency, writing specs in the style the user already chose
     * ({@code ^}, {@code ~=}, {@code ~}) when the spec shows one.
     */
    public Settings settingsFor(Dependency d) {
        Settings settings = policyFor.apply(d.manifest()).settingsFor(d.ecosystem(), d.name()).settings();
        if (d.section().equals(PackageJsonReader.PEER_DEPENDENCIES) && settings.pin() == PinMode.WINDOW) {
            // a library's peer range states every version it supports (^17 || ^18, >=16.8): a floor is enough
            settings = settings.withPin(PinMode.FLOOR);
        }
        return SpecStyle.writtenIn(d.spec()).map(settings::withStyle).orElse(settings);
    }
}
