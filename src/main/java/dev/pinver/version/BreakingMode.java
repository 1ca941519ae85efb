package dev.pinver.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How a package's version numbers announce breaking changes. */
public enum BreakingMode {
    /** SemVer with the 0.x rule: the first non-zero of major, minor, patch is the breaking part. */
    SEMVER_0X("semver-0x"),
    /** Plain SemVer: only the major number breaks, also below 1.0. */
    SEMVER("semver"),
    /** Calendar versions: the number says nothing about compatibility, so it never breaks by number. */
    CALVER("calver"),
    /** Every release may break: the window is the version itself. */
    EVERY("every");

    private final String id;

    BreakingMode(String id) {
        this.id = id;
    }

    /** The name used in policy files. */
    public String id() {
        return id;
    }

    public static Optional<BreakingMode> fromId(String id) {
        for (BreakingMode m : values()) {
            if (m.id.equals(id.toLowerCase(Locale.ROOT))) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * The release numbers of the first release past the compatibility window that starts at
     * {@code release}: under {@code semver-0x} 0.45.3 → 0.46.0, 1.4.2 → 2.0.0, 0.0.7 → 0.0.8. Empty
     * when the mode never breaks by number.
     */
    public Optional<List<Integer>> nextBreaking(List<Integer> release) {
        if (this == CALVER) {
            return Optional.empty();
        }
        List<Integer> r = new ArrayList<>(release);
        while (r.size() < 3) {
            r.add(0);
        }
        int bump = switch (this) {
            case SEMVER -> 0;
            case EVERY -> r.size() - 1;
            default -> firstNonZero(r);
        };
        List<Integer> next = new ArrayList<>(r.subList(0, bump));
        next.add(r.get(bump) + 1);
        while (next.size() < 3) {
            next.add(0);
        }
        return Optional.of(List.copyOf(next));
    }

    private static int firstNonZero(List<Integer> r) {
        for (int i = 0; i < 3; i++) {
            if (r.get(i) != 0) {
                return i;
            }
        }
        return 2;
    }
}
