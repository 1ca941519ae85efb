package dev.pinver.lock;

import dev.pinver.manifest.Pep508;
import dev.pinver.version.InvalidSpecException;
import dev.pinver.version.Pep440Version;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Collects the versions of a Python lock, keyed by PEP 503 name. When a name comes again with another
 * version (a lock forked by environment markers), the newer one by PEP 440 order is kept; if either
 * does not parse as PEP 440, the first one seen stays.
 */
final class PythonVersions {

    private final Map<String, String> versions = new LinkedHashMap<>();

    void add(String name, String version) {
        versions.merge(Pep508.normalise(name), version, PythonVersions::newer);
    }

    /** Adds {@code version} only when {@code name} has none yet. */
    void addIfAbsent(String name, String version) {
        versions.putIfAbsent(Pep508.normalise(name), version);
    }

    /**
     * The version an exact pin names: {@code ==1.2.3} → {@code 1.2.3}, {@code ===foo} → {@code foo};
     * empty for anything else (ranges, several clauses, {@code ==1.2.*} prefix matches).
     */
    static Optional<String> exactVersion(String spec) {
        String s = spec.strip();
        String version = s.startsWith("===") ? s.substring(3).strip() : s.startsWith("==") ? s.substring(2).strip() : "";
        boolean single = !version.isEmpty() && version.chars().noneMatch(c -> c == ',' || c == '*' || Character.isWhitespace(c));
        return single ? Optional.of(version) : Optional.empty();
    }

    Map<String, String> toMap() {
        return versions;
    }

    private static String newer(String kept, String other) {
        try {
            return Pep440Version.parse(other).compareTo(Pep440Version.parse(kept)) > 0 ? other : kept;
        } catch (InvalidSpecException e) {
            return kept;
        }
    }
}
