package dev.pinver.policy;

import dev.pinver.manifest.Ecosystem;
import dev.pinver.version.BreakingMode;
import dev.pinver.version.SpecStyle;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The effective policy for one dependency, every field decided.
 *
 * @param pin what kind of constraint the spec should be
 * @param breaking how the package's version numbers announce breaking changes, which places the window's edge
 * @param allow the update kinds an upgrade may take
 * @param minAge releases younger than this are not offered as upgrades
 * @param prereleases whether pre-releases are offered as upgrades
 * @param ignore versions or ranges never offered, as written in the policy (in the package's own syntax)
 * @param group upgrade this package together with the others in the same group
 * @param reason why the policy treats the package this way, shown to users
 * @param style how a suggested window is written
 * @param exactPin how to rate an exact pin where a window is wanted
 * @param notes where the package's release notes are (a repository, changelog URL or file), tried first
 */
public record Settings(
        PinMode pin,
        BreakingMode breaking,
        Set<UpdateKind> allow,
        Duration minAge,
        boolean prereleases,
        List<String> ignore,
        Optional<String> group,
        Optional<String> reason,
        SpecStyle style,
        Severity exactPin,
        Optional<String> notes) {

    public Settings {
        allow = Set.copyOf(allow);
        ignore = List.copyOf(ignore);
    }

    /**
     * What applies when no policy says anything: windows under {@code semver-0x}, every update kind,
     * no minimum age, no pre-releases, exact pins rated as warnings, and the ecosystem's usual spec
     * style (caret for npm, explicit ranges for PyPI and Maven).
     */
    public static Settings base(Ecosystem ecosystem) {
        SpecStyle style = ecosystem == Ecosystem.NPM ? SpecStyle.CARET : SpecStyle.RANGE;
        return new Settings(PinMode.WINDOW, BreakingMode.SEMVER_0X, EnumSet.allOf(UpdateKind.class), Duration.ZERO,
                false, List.of(), Optional.empty(), Optional.empty(), style, Severity.WARNING, Optional.empty());
    }

    /** These settings, pinning in {@code newPin} mode. */
    public Settings withPin(PinMode newPin) {
        return new Settings(newPin, breaking, allow, minAge, prereleases, ignore, group, reason, style, exactPin, notes);
    }

    /** These settings, writing specs in {@code newStyle}. */
    public Settings withStyle(SpecStyle newStyle) {
        return new Settings(pin, breaking, allow, minAge, prereleases, ignore, group, reason, newStyle, exactPin, notes);
    }

    /** These settings with each field that {@code o} sets replaced. */
    public Settings with(Overrides o) {
        return new Settings(
                Overrides.pick(pin, o.pin()),
                Overrides.pick(breaking, o.breaking()),
                Overrides.pick(allow, o.allow()),
                Overrides.pick(minAge, o.minAge()),
                Overrides.pick(prereleases, o.prereleases()),
                Overrides.pick(ignore, o.ignore()),
                o.group() != null ? Optional.of(o.group()) : group,
                o.reason() != null ? Optional.of(o.reason()) : reason,
                Overrides.pick(style, o.style()),
                Overrides.pick(exactPin, o.exactPin()),
                o.notes() != null ? Optional.of(o.notes()) : notes);
    }
}
