package dev.pinver.policy;

import dev.pinver.version.BreakingMode;
import dev.pinver.version.Interval;
import dev.pinver.version.InvalidSpecException;
import dev.pinver.version.VersionScheme;
import dev.pinver.version.VersionSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Classifies what a dependency can move to, by the 0.x rule: pure logic over the releases a registry
 * listed. Under {@code semver-0x} 0.45.3 → 0.46.0 is a major, breaking step and 0.45.3 → 0.45.4 a
 * patch; from 1.0 on the usual SemVer sizes apply.
 */
public final class Classifier {

    private Classifier() {
    }

    /**
     * @param spec the dependency's spec as written
     * @param locked the lock file's version, when there is one
     * @param releases every release the registry lists (versions the scheme cannot read are skipped)
     * @param latestTag the registry's own "latest" (npm's dist-tag), when it has one
     * @param now the time {@code min-age} counts from
     */
    public static <V extends Comparable<? super V>> Outdated classify(String spec, Optional<String> locked,
            List<Release> releases, Optional<String> latestTag, Settings settings, VersionScheme<V> scheme,
            Instant now) {
        List<Parsed<V>> parsed = parse(releases, scheme);
        VersionSet<V> admitted = specSet(spec, scheme);
        VersionSet<V> ignored = ignored(settings, scheme);
        boolean specAsksPrereleases = admitsOnlyPrereleases(admitted, parsed, scheme);
        boolean prereleases = settings.prereleases() || specAsksPrereleases;
        List<Parsed<V>> offered = parsed.stream()
                .filter(p -> !p.release.yanked() && !p.release.deprecated() && !ignored.contains(p.version))
                .filter(p -> prereleases || !scheme.isPrerelease(p.version))
                .toList();
        Predicate<Parsed<V>> young = p -> p.release.published()
                .map(t -> t.plus(settings.minAge()).isAfter(now)).orElse(false);
        List<Parsed<V>> eligible = offered.stream().filter(young.negate()).toList();

        // what a fresh install picks: a pre-release only when the spec admits nothing else (an exact pin to
        // one), as npm, pip and Maven do whatever the policy says
        Optional<V> resolved = locked.flatMap(l -> parseVersion(l, scheme))
                .or(() -> newest(parsed.stream().filter(p -> !p.release.yanked()
                        && (specAsksPrereleases || !scheme.isPrerelease(p.version)) && admitted.contains(p.version)).toList()));
        Optional<V> latestInRange = newest(eligible.stream().filter(p -> admitted.contains(p.version)).toList());
        Optional<List<Integer>> nextBreaking = resolved.flatMap(r -> settings.breaking().nextBreaking(scheme.release(r)));
        Optional<V> edge = resolved.flatMap(r -> nextBreaking.map(scheme::windowEdge).filter(e -> e.compareTo(r) > 0));
        // by its numbers too: Maven orders 6.0.0-RC3 below 6.0.0, the edge of 5.x's window, yet it is a 6.x release
        Predicate<V> insideWindow = v -> edge.map(e -> v.compareTo(e) < 0).orElse(true)
                && nextBreaking.map(b -> compareReleases(scheme.release(v), b) < 0).orElse(true);
        Optional<V> latestCompatible = resolved.flatMap(r -> newest(eligible.stream()
                .filter(p -> p.version.compareTo(r) >= 0 && insideWindow.test(p.version))
                .toList()));
        Optional<V> latest = latestTag.flatMap(t -> parseVersion(t, scheme))
                .filter(t -> eligible.stream().anyMatch(p -> p.version.equals(t)))
                .or(() -> newest(eligible));

        Optional<UpdateKind> update = Optional.empty();
        boolean breaking = false;
        if (resolved.isPresent() && latest.isPresent() && latest.get().compareTo(resolved.get()) > 0) {
            update = Optional.of(kind(scheme.release(resolved.get()), scheme.release(latest.get()), settings.breaking()));
            breaking = !insideWindow.test(latest.get());
        }
        List<Outdated.Held> held = new ArrayList<>();
        for (Parsed<V> p : offered) {
            if (young.test(p) && resolved.map(r -> p.version.compareTo(r) > 0).orElse(true)) {
                held.add(new Outdated.Held(p.release.version(), p.release.published().orElseThrow().plus(settings.minAge())));
            }
        }
        Optional<V> latestFinal = latest;
        Optional<java.time.Instant> published = parsed.stream()
                .filter(p -> latestFinal.map(p.version::equals).orElse(false))
                .findFirst().flatMap(p -> p.release.published());
        boolean resolvedYanked = resolved.map(r -> parsed.stream().anyMatch(p -> p.version.equals(r) && p.release.yanked()))
                .orElse(false);
        return new Outdated(resolved.map(Object::toString), latestInRange.map(Object::toString),
                latestCompatible.map(Object::toString), latest.map(Object::toString), update, breaking, published,
                held, resolvedYanked);
    }

    /**
     * The versions an upgrade may try, oldest first: the newest offered release of each compatibility
     * window past the one {@code from} is in, up to the newest the policy allows ({@code allow}, and
     * {@code limit} when given). Releases the policy would not offer (yanked, deprecated, ignored,
     * too young, unwanted pre-releases) are never steps.
     */
    public static <V extends Comparable<? super V>> List<String> upgradeSteps(String from, List<Release> releases,
            Settings settings, Optional<UpdateKind> limit, VersionScheme<V> scheme, Instant now) {
        Optional<V> start = parseVersion(from, scheme);
        if (start.isEmpty()) {
            return List.of();
        }
        VersionSet<V> ignored = ignored(settings, scheme);
        java.util.Map<List<Integer>, V> newestPerWindow = new java.util.TreeMap<>(Classifier::compareReleases);
        List<Integer> current = window(scheme.release(start.get()), settings.breaking());
        for (Parsed<V> p : parse(releases, scheme)) {
            boolean offered = !p.release.yanked() && !p.release.deprecated() && !ignored.contains(p.version)
                    && (settings.prereleases() || !scheme.isPrerelease(p.version))
                    && p.release.published().map(t -> !t.plus(settings.minAge()).isAfter(now)).orElse(true);
            if (!offered || p.version.compareTo(start.get()) <= 0) {
                continue;
            }
            UpdateKind kind = kind(scheme.release(start.get()), scheme.release(p.version), settings.breaking());
            List<Integer> window = window(scheme.release(p.version), settings.breaking());
            if (window.equals(current) || !settings.allow().contains(kind)
                    || limit.map(l -> kind.compareTo(l) > 0).orElse(false)) {
                continue;
            }
            newestPerWindow.merge(window, p.version, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        return newestPerWindow.values().stream().sorted().map(Object::toString).toList();
    }

    /**
     * The numbers that name a version's compatibility window: up to and including its breaking number
     * (0.46.2 → [0, 46] under {@code semver-0x}; 2.3.1 → [2]); a whole calendar version under {@code calver}.
     */
    public static List<Integer> window(List<Integer> release, BreakingMode mode) {
        List<Integer> r = new ArrayList<>(release);
        while (r.size() < 3) {
            r.add(0);
        }
        int breakingIndex = switch (mode) {
            case EVERY, CALVER -> r.size() - 1;
            case SEMVER -> 0;
            case SEMVER_0X -> r.get(0) != 0 ? 0 : r.get(1) != 0 ? 1 : 2;
        };
        return List.copyOf(r.subList(0, breakingIndex + 1));
    }

    private static int compareReleases(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int c = Integer.compare(at(a, i), at(b, i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * The size of the step between two releases: the breaking number (the first non-zero of major,
     * minor, patch under {@code semver-0x}; the major under {@code semver}) or anything before it is
     * major, the patch number is patch, what lies between is minor. Under {@code every} any step is
     * major; under {@code calver} none is.
     */
    public static UpdateKind kind(List<Integer> from, List<Integer> to, BreakingMode mode) {
        int size = Math.max(3, Math.max(from.size(), to.size()));
        int differs = -1;
        for (int i = 0; i < size && differs < 0; i++) {
            if (!at(from, i).equals(at(to, i))) {
                differs = i;
            }
        }
        if (differs < 0) {
            return UpdateKind.PATCH;
        }
        int breakingIndex = switch (mode) {
            case EVERY -> size;
            case CALVER -> -1;
            case SEMVER -> 0;
            case SEMVER_0X -> at(from, 0) != 0 ? 0 : at(from, 1) != 0 ? 1 : 2;
        };
        if (differs <= breakingIndex) {
            return UpdateKind.MAJOR;
        }
        return differs >= 2 ? UpdateKind.PATCH : UpdateKind.MINOR;
    }

    private static Integer at(List<Integer> release, int i) {
        return i < release.size() ? release.get(i) : 0;
    }

    private record Parsed<V>(V version, Release release) {
    }

    private static <V extends Comparable<? super V>> List<Parsed<V>> parse(List<Release> releases,
            VersionScheme<V> scheme) {
        List<Parsed<V>> out = new ArrayList<>();
        for (Release r : releases) {
            parseVersion(r.version(), scheme).ifPresent(v -> out.add(new Parsed<>(v, r)));
        }
        return out;
    }

    private static <V extends Comparable<? super V>> Optional<V> parseVersion(String text, VersionScheme<V> scheme) {
        try {
            return Optional.of(scheme.parseVersion(text));
        } catch (InvalidSpecException e) {
            return Optional.empty();
        }
    }

    private static <V extends Comparable<? super V>> VersionSet<V> specSet(String spec, VersionScheme<V> scheme) {
        if (scheme.isMovingTag(spec)) {
            return VersionSet.all();
        }
        try {
            return scheme.parseSpec(spec);
        } catch (InvalidSpecException e) {
            return VersionSet.none();
        }
    }

    private static <V extends Comparable<? super V>> VersionSet<V> ignored(Settings settings, VersionScheme<V> scheme) {
        VersionSet<V> ignored = VersionSet.none();
        for (String entry : settings.ignore()) {
            Optional<V> version = parseVersion(entry, scheme);
            if (version.isPresent()) {
                ignored = ignored.union(VersionSet.of(Interval.exactly(version.get())));
            } else {
                ignored = ignored.union(specSet(entry, scheme));
            }
        }
        return ignored;
    }

    /** A spec that admits pre-releases only ({@code >=2.0.0b1,<2.0.0}) asks for them. */
    private static <V extends Comparable<? super V>> boolean admitsOnlyPrereleases(VersionSet<V> admitted,
            List<Parsed<V>> parsed, VersionScheme<V> scheme) {
        List<Parsed<V>> inside = parsed.stream().filter(p -> admitted.contains(p.version)).toList();
        return !inside.isEmpty() && inside.stream().allMatch(p -> scheme.isPrerelease(p.version));
    }

    private static <V extends Comparable<? super V>> Optional<V> newest(List<Parsed<V>> candidates) {
        return candidates.stream().map(Parsed::version).max(Comparator.naturalOrder());
    }
}
