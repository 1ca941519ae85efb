package dev.pinver.policy;

import dev.pinver.version.BreakingMode;
import dev.pinver.version.SpecStyle;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The settings one policy section (its {@code defaults} or one rule) writes down. A {@code null}
 * field is one the section leaves alone, so that applying sections in order lets each override only
 * what it sets. Field meanings are those of {@link Settings}.
 */
public record Overrides(
        PinMode pin,
        BreakingMode breaking,
        Set<UpdateKind> allow,
        Duration minAge,
        Boolean prereleases,
        List<String> ignore,
        String group,
        String reason,
        SpecStyle style,
        Severity exactPin,
        String notes) {

    private static final Overrides NONE = new Overrides(null, null, null, null, null, null, null, null, null, null, null);

    public Overrides {
        allow = allow == null ? null : Set.copyOf(allow);
        ignore = ignore == null ? null : List.copyOf(ignore);
    }

    /** A section that sets nothing. */
    public static Overrides none() {
        return NONE;
    }

    /**
     * True when no field is set. Written out rather than {@code equals(NONE)}: a record's generated
     * {@code equals} is linked on first use (~9 ms for these eleven fields), and every run asks this.
     */
    public boolean isEmpty() {
        return pin == null && breaking == null && allow == null && minAge == null && prereleases == null
                && ignore == null && group == null && reason == null && style == null && exactPin == null && notes == null;
    }

    /** These overrides followed by {@code later}: each field is {@code later}'s when it sets it. */
    public Overrides then(Overrides later) {
        return new Overrides(
                pick(pin, later.pin),
                pick(breaking, later.breaking),
                pick(allow, later.allow),
                pick(minAge, later.minAge),
                pick(prereleases, later.prereleases),
                pick(ignore, later.ignore),
                pick(group, later.group),
                pick(reason, later.reason),
                pick(style, later.style),
                pick(exactPin, later.exactPin),
                pick(notes, later.notes));
    }

    static <T> T pick(T earlier, T later) {
        return later != null ? later : earlier;
    }
}
