package dev.pinver.version;

/**
 * One desugared node-semver comparator, such as {@code >=1.2.3} or {@code <2.0.0-0}; a {@code null}
 * version is node-semver's empty comparator, which admits every version.
 */
public record NpmComparator(Operator operator, NpmVersion version) {

    /** The comparator that admits every version (written as the empty string). */
    public static final NpmComparator ANY = new NpmComparator(Operator.EQ, null);

    /** How a comparator relates a candidate to its version. */
    public enum Operator {
        EQ(""), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** The operator written as {@code symbol}; {@code =} is the same as no operator. */
        static Operator of(String symbol) {
            for (Operator o : values()) {
                if (o.symbol.equals(symbol)) {
                    return o;
                }
            }
            if (symbol.equals("=")) {
                return EQ;
            }
            throw new IllegalArgumentException("not a comparator operator: " + symbol);
        }
    }

    public boolean isAny() {
        return version == null;
    }

    /** Plain order test, without node-semver's pre-release rule (that one belongs to the comparator set). */
    public boolean test(NpmVersion candidate) {
        if (isAny()) {
            return true;
        }
        int c = candidate.compareTo(version);
        return switch (operator) {
            case EQ -> c == 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
        };
    }

    /**
     * The versions this comparator admits, as an interval set. {@code <0.0.0-0} admits nothing and
     * {@code >=0.0.0-0} everything, since {@code 0.0.0-0} is the smallest version there is.
     */
    public VersionSet<NpmVersion> toVersionSet() {
        if (isAny()) {
            return VersionSet.all();
        }
        boolean atMinimum = version.equals(NpmScheme.MINIMUM);
        return switch (operator) {
            case EQ -> VersionSet.of(Interval.exactly(version));
            case LT -> atMinimum ? VersionSet.none() : VersionSet.of(Interval.lessThan(version));
            case LE -> VersionSet.of(Interval.atMost(version));
            case GT -> VersionSet.of(Interval.greaterThan(version));
            case GE -> atMinimum ? VersionSet.all() : VersionSet.of(Interval.atLeast(version));
        };
    }

    /** node-semver's comparator value: operator and normalised version, or the empty string. */
    @Override
    public String toString() {
        return isAny() ? "" : operator.symbol() + version;
    }
}
