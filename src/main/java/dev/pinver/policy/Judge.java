package dev.pinver.policy;

import dev.pinver.manifest.Source;
import dev.pinver.policy.Verdict.Status;
import dev.pinver.version.BreakingMode;
import dev.pinver.version.Interval;
import dev.pinver.version.InvalidSpecException;
import dev.pinver.version.SpecStyle;
import dev.pinver.version.VersionScheme;
import dev.pinver.version.VersionSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides the {@link Verdict} for one dependency's spec under its effective {@link Settings}, for any
 * {@link VersionScheme}. Everything is a question about the spec's {@link VersionSet}:
 * <ul>
 *   <li>the window starts at the spec's lower bound L (an exact pin's version); its edge E is the
 *       lowest version of the release {@code breaking} says comes next ({@code 0.45 → 0.46.0.dev0} in
 *       PEP 440); calendar versions have no edge;</li>
 *   <li>{@code unpinned}: no upper bound, or no lower bound to start a window from;</li>
 *   <li>{@code too-wide}: the set meets [E, ∞);</li>
 *   <li>{@code exact-pin}: a single version where {@code pin: window};</li>
 *   <li>{@code not-exact}: more than one version where {@code pin: exact};</li>
 *   <li>{@code should-not-pin}: any constraint where {@code pin: none};</li>
 *   <li>{@code invalid-spec}: the scheme rejects the spec, or it admits nothing.</li>
 * </ul>
 */
public final class Judge {

    private Judge() {
    }

    /**
     * The verdict for one dependency.
     *
     * @param name the package name, for the message
     * @param spec the spec as written (empty when there is none)
     * @param source where the package comes from; only registry packages have versions to judge
     * @param settings the package's effective settings
     * @param scheme the version scheme the spec is written in
     */
    public static <V extends Comparable<? super V>> Verdict judge(
            String name, String spec, Source source, Settings settings, VersionScheme<V> scheme) {
        if (source == Source.MANAGED) {
            return new Verdict(Status.MANAGED, Severity.INFO,
                    name + " has its version managed elsewhere (a BOM, parent or workspace)", Optional.empty());
        }
        if (source != Source.REGISTRY) {
            String from = source == Source.URL ? " comes from a URL" : " is a local path";
            return new Verdict(Status.URL_REQUIREMENT, Severity.INFO,
                    name + from + ", not a registry; its version is not checked", Optional.empty());
        }
        return new Case<>(name, spec, settings, scheme).verdict();
    }

    /**
     * The spec {@code pin} writes for a package resolved at {@code version}: its compatibility window
     * (in the policy's style), the exact version, a floor, or no constraint at all, as the policy's
     * {@code pin} says. Empty when {@code version} is not a version of the scheme or the spec cannot be
     * written.
     */
    public static <V extends Comparable<? super V>> Optional<String> specFor(
            String version, Settings settings, VersionScheme<V> scheme) {
        Case<V> c = new Case<>("", version, settings, scheme);
        try {
            return c.specFor(scheme.parseVersion(version));
        } catch (InvalidSpecException e) {
            return Optional.empty();
        }
    }

    /** One judgement in progress: the inputs, and the spec as a set once parsed. */
    private static final class Case<V extends Comparable<? super V>> {

        private final String shown;
        private final String name;
        private final Settings settings;
        private final VersionScheme<V> scheme;
        private final String spec;

        Case(String name, String spec, Settings settings, VersionScheme<V> scheme) {
            this.name = name;
            this.spec = spec;
            this.settings = settings;
            this.scheme = scheme;
            this.shown = spec.isBlank() ? name : name + " " + spec.strip();
        }

        Verdict verdict() {
            if (scheme.isMovingTag(spec)) {
                return finding(Status.UNPINNED, shown + " is a moving tag, not a version: every build may get a "
                        + "different release", Optional.empty());
            }
            try {
                return verdict(scheme.parseSpec(spec));
            } catch (InvalidSpecException e) {
                // from parsing, or from a version whose numbers the scheme cannot do arithmetic on
                return new Verdict(Status.INVALID_SPEC, Severity.ERROR,
                        shown + " is not a valid " + scheme.name() + " spec: " + e.getMessage(), Optional.empty());
            }
        }

        private Verdict verdict(VersionSet<V> set) {
            if (set.isEmpty()) {
                return new Verdict(Status.INVALID_SPEC, Severity.ERROR, shown + " admits no version",
                        Optional.empty());
            }
            Interval<V> first = set.first();
            V lower = first.hasLowerBound() ? pinnable(first) : null;
            boolean single = first.hasLowerBound() && first.lowerClosed() && isExact(set, first.lower());
            return switch (settings.pin()) {
                case NONE -> set.isAll()
                        ? ok(name + " is unconstrained, as the policy wants")
                        : finding(Status.SHOULD_NOT_PIN, shown + " should not be pinned", Optional.of(scheme.anyVersion()));
                case FLOOR -> lower != null ? ok(shown + " has a lower bound, as the policy wants") : nothingToPin(set);
                case EXACT -> exact(set, lower, single);
                case WINDOW -> window(set, lower, single);
            };
        }

        /**
         * True when the set admits nothing beyond what the scheme's own exact spec for {@code lower}
         * admits: {@code ==0.45.0} in PEP 440 also admits local versions such as 0.45.0+ubuntu1, so an
         * exact pin is not always a single point.
         */
        private boolean isExact(VersionSet<V> set, V lower) {
            return scheme.formatWindow(lower, null, SpecStyle.EXACT)
                    .map(exact -> set.isSubsetOf(scheme.parseSpec(exact)))
                    .orElseGet(() -> set.equals(VersionSet.of(Interval.exactly(lower))));
        }

        private Verdict exact(VersionSet<V> set, V lower, boolean single) {
            if (single) {
                return ok(shown + " is one exact version, as the policy wants");
            }
            if (lower == null) {
                return nothingToPin(set);
            }
            Optional<String> suggestion = scheme.formatWindow(lower, null, SpecStyle.EXACT);
            if (!set.hasUpperBound()) {
                return finding(Status.UNPINNED, shown + " has no upper bound: it admits every future release; "
                        + "the policy pins exact versions" + pinTo(suggestion), suggestion);
            }
            return finding(Status.NOT_EXACT, shown + " admits more than one version; the policy pins exact versions"
                    + pinTo(suggestion), suggestion);
        }

        private Verdict window(VersionSet<V> set, V lower, boolean single) {
            if (lower == null) {
                return nothingToPin(set);
            }
            V from = start(lower);
            if (scheme.release(from).stream().allMatch(n -> n == 0)) {
                // ^0, 0.x, >=0: the bound is the bottom of the version line, not a version anyone uses
                return finding(set.hasUpperBound() ? Status.TOO_WIDE : Status.UNPINNED,
                        shown + " admits every release from 0.0.0 on; there is no version in it to pin a window from",
                        Optional.empty());
            }
            Optional<List<Integer>> next = nextBreaking(from);
            V to = next.map(scheme::finalRelease).orElse(null);
            Optional<String> suggestion = windowSpec(from);
            if (single) {
                return new Verdict(Status.EXACT_PIN, settings.exactPin(),
                        withReason(shown + " is an exact pin; the policy wants a compatibility window"
                                + pinTo(suggestion)), suggestion);
            }
            if (next.isEmpty()) {
                return ok(shown + " has a lower bound; " + (settings.breaking() == BreakingMode.CALVER
                        ? "calendar versions have no breaking edge"
                        : "the next breaking release after " + from + " cannot be placed"));
            }
            if (!set.hasUpperBound()) {
                return finding(Status.UNPINNED, shown + " has no upper bound; " + why(from) + pinTo(suggestion),
                        suggestion);
            }
            V edge = scheme.windowEdge(next.get());
            if (set.intersects(VersionSet.of(Interval.atLeast(edge)))) {
                return finding(Status.TOO_WIDE,
                        shown + " admits " + to + " and later; " + why(from) + pinTo(suggestion), suggestion);
            }
            return ok(shown + " stays within its compatibility window");
        }

        /**
         * The release numbers of the window's edge above {@code from}. The filter drops an edge that is
         * not above the start, which happens when the release numbers do not carry the whole version
         * (a PEP 440 epoch: 1!2.0 is above 3.0).
         */
        private Optional<List<Integer>> nextBreaking(V from) {
            return settings.breaking().nextBreaking(scheme.release(from))
                    .filter(n -> scheme.lowestOf(n).compareTo(from) > 0);
        }

        /** The compatibility window starting at {@code from}, in the policy's style where it can write it. */
        private Optional<String> windowSpec(V from) {
            V to = nextBreaking(from).map(scheme::finalRelease).orElse(null);
            SpecStyle style = settings.style() == SpecStyle.EXACT ? SpecStyle.RANGE : settings.style();
            return scheme.formatWindow(from, to, style).or(() -> scheme.formatWindow(from, to, SpecStyle.RANGE));
        }

        /** The spec the policy wants for a package resolved at {@code version}. */
        private Optional<String> specFor(V version) {
            return switch (settings.pin()) {
                case NONE -> Optional.of(scheme.anyVersion());
                case EXACT -> scheme.formatWindow(version, null, SpecStyle.EXACT);
                case FLOOR -> scheme.formatWindow(version, null, SpecStyle.RANGE);
                case WINDOW -> windowSpec(start(version));
            };
        }

        /** An unbounded-below spec: there is no version to start a window, floor or exact pin from. */
        private Verdict nothingToPin(VersionSet<V> set) {
            String message = set.isAll()
                    ? name + " has no version constraint"
                    : shown + " has no lower bound to pin from";
            return finding(Status.UNPINNED, message, Optional.empty());
        }

        /**
         * The version a pin starts from: the lower bound itself, except that a bound no one would
         * pin to is replaced by the final release with its numbers. Those are an exclusive bound
         * ({@code >0.45.0}: the bound may be no version one can write down) that is not a
         * pre-release, and the very lowest version of a release ({@code ==1.2.*} starts at 1.2.dev0).
         * The replacement is made only when the bound lies among the versions of that release, which
         * it does not when the release numbers miss part of the version (a PEP 440 epoch).
         */
        private V pinnable(Interval<V> first) {
            V lower = first.lower();
            List<Integer> release = scheme.release(lower);
            boolean open = !first.lowerClosed() && !scheme.isPrerelease(lower);
            boolean replace = open || lower.compareTo(scheme.lowestOf(release)) == 0;
            V nextPatch = scheme.lowestOf(BreakingMode.EVERY.nextBreaking(release).orElseThrow());
            boolean inRelease = scheme.lowestOf(release).compareTo(lower) <= 0 && lower.compareTo(nextPatch) < 0;
            return replace && inRelease ? scheme.finalRelease(release) : lower;
        }

        /**
         * Where the window starts: the lower bound itself, but a plain final release written with fewer
         * than three numbers ({@code 0.45}) as three ({@code 0.45.0}), which is the same version and
         * lets styles such as {@code ~=0.45.0} express the window.
         */
        private V start(V lower) {
            List<Integer> release = scheme.release(lower);
            if (scheme.isPrerelease(lower) || scheme.finalRelease(release).compareTo(lower) != 0) {
                return lower;
            }
            List<Integer> padded = new ArrayList<>(release);
            while (padded.size() < 3) {
                padded.add(0);
            }
            return scheme.finalRelease(padded);
        }

        /** Why the window ends where it does, in words. */
        private String why(V from) {
            List<Integer> r = scheme.release(from);
            return switch (settings.breaking()) {
                case SEMVER, CALVER -> "major releases break";
                case EVERY -> "every release may break";
                case SEMVER_0X -> part(r, 0) != 0 ? "major releases break"
                        : part(r, 1) != 0 ? "0.x minor releases may break"
                        : "every 0.0.x release may break";
            };
        }

        private static int part(List<Integer> release, int i) {
            return i < release.size() ? release.get(i) : 0;
        }

        private static String pinTo(Optional<String> suggestion) {
            return suggestion.map(s -> ": pin to " + s).orElse("");
        }

        private Verdict ok(String message) {
            return new Verdict(Status.OK, Severity.INFO, withReason(message), Optional.empty());
        }

        private Verdict finding(Status status, String message, Optional<String> suggestion) {
            return new Verdict(status, status.defaultSeverity(), withReason(message), suggestion);
        }

        private String withReason(String message) {
            return settings.reason().map(r -> message + " (" + r + ")").orElse(message);
        }
    }
}
