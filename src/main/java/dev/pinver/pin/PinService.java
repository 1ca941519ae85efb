package dev.pinver.pin;

import dev.pinver.PinverException;
import dev.pinver.check.CheckService;
import dev.pinver.check.Schemes;
import dev.pinver.lock.LockedVersions;
import dev.pinver.lock.Locks;
import dev.pinver.manifest.Dependency;
import dev.pinver.manifest.Edit;
import dev.pinver.manifest.Manifest;
import dev.pinver.manifest.ManifestEditor;
import dev.pinver.manifest.ManifestFinder;
import dev.pinver.manifest.ManifestLoader;
import dev.pinver.manifest.ManifestReader;
import dev.pinver.manifest.PomFamilyReader;
import dev.pinver.manifest.Problem;
import dev.pinver.manifest.Source;
import dev.pinver.manifest.SourceText;
import dev.pinver.manifest.SpecSyntax;
import dev.pinver.policy.Judge;
import dev.pinver.policy.Policy;
import dev.pinver.policy.Settings;
import dev.pinver.policy.Verdict;
import dev.pinver.version.SpecStyle;
import dev.pinver.version.VersionScheme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code pinver pin}: moves every spec that breaks its policy to the policy's window, starting from
 * the version the project resolved (its lock file's), else the spec's own lower bound. Specs that
 * comply are left exactly as written.
 */
public final class PinService {

    private final CheckService checker;
    private final Optional<SpecStyle> style;
    private final Set<String> only;
    /** The registry's newest allowed release per dependency; empty without {@code --online}. */
    private final Optional<Function<Dependency, Optional<String>>> online;

    /**
     * @param policyFor the policy that governs a manifest
     * @param style a spec style that overrides the policies' and the user's ({@code --style})
     * @param only the packages to pin, as the user wrote them; empty for all
     */
    public PinService(Function<Path, Policy> policyFor, Optional<SpecStyle> style, Set<String> only) {
        this(policyFor, style, only, Optional.empty());
    }

    /**
     * @param online the newest release the policy allows for a dependency, asked of its registry
     *     ({@code --online}); used only when neither a lock file nor the spec gives a version
     */
    public PinService(Function<Path, Policy> policyFor, Optional<SpecStyle> style, Set<String> only,
            Function<Dependency, Optional<String>> online) {
        this(policyFor, style, only, Optional.of(online));
    }

    private PinService(Function<Path, Policy> policyFor, Optional<SpecStyle> style, Set<String> only,
            Optional<Function<Dependency, Optional<String>>> online) {
        this.checker = new CheckService(policyFor);
        this.style = style;
        this.only = Set.copyOf(only);
        this.online = online;
    }

    /** Works out every change and verifies each edited file by reading it again; writes nothing. */
    public PinResult plan(List<Path> paths) {
        ManifestLoader.Loaded loaded = ManifestLoader.load(ManifestFinder.find(paths));
        List<Change> changes = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<Path, Optional<LockedVersions>> locks = new HashMap<>();
        for (Dependency d : loaded.dependencies()) {
            if (d.source() != Source.REGISTRY || !(only.isEmpty() || only.stream().anyMatch(d::isNamed))) {
                continue;
            }
            decide(d, locks.computeIfAbsent(d.manifest(), Locks::forManifest)).ifPresent(outcome -> {
                if (outcome instanceof Change c) {
                    changes.add(c);
                    if (d.hashed()) {
                        warnings.add(d.location() + ": " + d.name() + " carries --hash options; regenerate them "
                                + "(e.g. pip-compile --generate-hashes) after this change");
                    }
                } else if (outcome instanceof Skipped s) {
                    skipped.add(s);
                }
            });
        }
        List<Problem> problems = new ArrayList<>(loaded.allProblems());
        Set<Path> unreadable = loaded.manifests().stream().filter(m -> !m.problems().isEmpty())
                .map(Manifest::path).collect(Collectors.toSet());
        List<Change> writable = oneEditPerSpan(changes.stream()
                .filter(c -> !unreadable.contains(c.dependency().manifest())).toList(), skipped);
        ManifestEditor.Batch batch = ManifestEditor.planAll(fileEdits(writable, loaded));
        batch.refusals().forEach(e -> problems.add(asProblem(e)));
        return new PinResult(writable, batch, skipped, warnings, problems);
    }

    /** Writes every planned file atomically; nothing at all when any file was refused. */
    public static void write(PinResult result) {
        ManifestEditor.write(result.batch());
    }

    /** A change, a reason to skip, or nothing to do for one dependency. */
    private Optional<Outcome> decide(Dependency d, Optional<LockedVersions> lock) {
        VersionScheme<?> scheme = Schemes.of(d.syntax());
        Settings settings = settings(d);
        Verdict verdict = checker.judge(d, settings);
        switch (verdict.status()) {
            case OK, MANAGED, URL_REQUIREMENT:
                return Optional.empty();
            case INVALID_SPEC:
                return Optional.of(new Skipped(d, "the spec cannot be pinned: " + verdict.message()));
            case SNAPSHOT_DEPENDENCY:
                return Optional.of(new Skipped(d, "a SNAPSHOT has no release to pin to; choose one by hand"));
            default:
                break;
        }
        Optional<String> locked = lock.flatMap(l -> l.versionOf(d.name()));
        Optional<String> spec;
        String basis;
        if (locked.isPresent()) {
            spec = Judge.specFor(locked.get(), settings, scheme);
            basis = lock.get().lockFile().getFileName() + " " + locked.get();
        } else {
            spec = verdict.suggested();
            basis = d.spec().isEmpty() ? "policy" : d.spec();
        }
        if (spec.isEmpty()) {
            Optional<String> newest = online.flatMap(registry -> registry.apply(d));
            if (newest.isPresent()) {
                spec = Judge.specFor(newest.get(), settings, scheme);
                basis = "registry " + newest.get();
            }
        }
        if (spec.isEmpty()) {
            return Optional.of(new Skipped(d, "cannot pin without a version: no lock file names it, its spec "
                    + "has no lower bound" + (online.isEmpty() ? " (--online asks the registry)" : ", and the "
                    + "registry offers no release the policy allows")));
        }
        if (spec.get().equals(d.spec())) {
            return Optional.empty();
        }
        if (d.spec().isEmpty() && d.syntax() == SpecSyntax.POETRY) {
            return Optional.of(new Skipped(d, "no place to write a version: add a 'version' key to its table"));
        }
        return Optional.of(new Change(d, spec.get(), basis));
    }

    private Settings settings(Dependency d) {
        Settings s = checker.settingsFor(d);
        return style.map(s::withStyle).orElse(s);
    }

    /**
     * One edit per spec span: dependencies that share a span (a Maven property used by several) are
     * edited once, when they all want the same new spec; when they disagree, none is changed.
     */
    private static List<Change> oneEditPerSpan(List<Change> changes, List<Skipped> skipped) {
        Map<String, List<Change>> bySpan = new LinkedHashMap<>();
        for (Change c : changes) {
            Dependency d = c.dependency();
            bySpan.computeIfAbsent(d.manifest().toAbsolutePath().normalize() + "@" + d.span().start(),
                    k -> new ArrayList<>()).add(c);
        }
        List<Change> edits = new ArrayList<>();
        for (List<Change> sharing : bySpan.values()) {
            Set<String> wanted = sharing.stream().map(Change::newSpec).collect(Collectors.toCollection(java.util.TreeSet::new));
            if (wanted.size() == 1) {
                edits.add(sharing.get(0));
            } else {
                String users = sharing.stream().map(c -> c.dependency().name() + " wants " + c.newSpec())
                        .collect(Collectors.joining(", "));
                sharing.forEach(c -> skipped.add(new Skipped(c.dependency(), "property ${" + c.dependency().property()
                        + "} is shared and its users disagree (" + users + "); give them their own properties")));
            }
        }
        return edits;
    }

    private static List<ManifestEditor.FileEdits> fileEdits(List<Change> changes, ManifestLoader.Loaded loaded) {
        Map<Path, List<Change>> byFile = new LinkedHashMap<>();
        for (Change c : changes) {
            byFile.computeIfAbsent(c.dependency().manifest(), f -> new ArrayList<>()).add(c);
        }
        List<ManifestEditor.FileEdits> out = new ArrayList<>();
        byFile.forEach((file, fileChanges) -> out.add(new ManifestEditor.FileEdits(file, SourceText.read(file),
                verifier(file, fileChanges, loaded),
                fileChanges.stream().map(c -> Edit.of(c.dependency(), c.newSpec())).toList())));
        return out;
    }

    /** The reader that checks a file's edits: a parent pom is read together with the children using its properties. */
    private static ManifestReader verifier(Path file, List<Change> changes, ManifestLoader.Loaded loaded) {
        Set<Path> declaring = changes.stream().map(c -> c.dependency().declaredAt().file())
                .filter(f -> !f.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize()))
                .collect(Collectors.toSet());
        ManifestReader own = loaded.readerFor(file);
        return declaring.isEmpty() ? own : new PomFamilyReader(own, declaring);
    }

    private static Problem asProblem(PinverException e) {
        return new Problem(e.location().orElseThrow(), e.getMessage());
    }
}
