package dev.pinver.notes;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The version a release tag names for one package: {@code v{ver}}, {@code {ver}}, {@code {name}-{ver}},
 * {@code {name}@{ver}} (and {@code {name}-v{ver}}, {@code {name}@v{ver}}), where the name may be the
 * package's full name ({@code @babel/core}, {@code pydantic-core}), its last part ({@code core} for a
 * scoped npm package, the artifactId for Maven), or its name with {@code _} for {@code -}; the name is
 * matched ignoring case. What follows must be a version {@code order} can place, starting with a
 * digit. In a monorepo this keeps {@code react-dom@18.3.1} away from {@code react}.
 */
public final class TagVersion {

    private final List<String> prefixes;

    private TagVersion(List<String> prefixes) {
        this.prefixes = prefixes;
    }

    /** The tag styles of the package {@code name} ({@code group:artifact} for Maven). */
    public static TagVersion forPackage(String name) {
        Set<String> names = new LinkedHashSet<>();
        String n = name.toLowerCase(Locale.ROOT);
        names.add(n);
        int cut = Math.max(n.lastIndexOf('/'), n.lastIndexOf(':'));
        if (cut >= 0 && cut < n.length() - 1) {
            names.add(n.substring(cut + 1));
        }
        for (String each : List.copyOf(names)) {
            names.add(each.replace('-', '_'));
            names.add(each.replace('_', '-'));
        }
        Set<String> prefixes = new LinkedHashSet<>(List.of("", "v"));
        for (String each : names) {
            for (String sep : List.of("-", "@", "_")) {
                prefixes.add(each + sep);
                prefixes.add(each + sep + "v");
            }
        }
        return new TagVersion(List.copyOf(prefixes));
    }

    /** The version {@code tag} names, when it names one of this package in {@code order}. */
    public Optional<String> version(String tag, ReleaseOrder<?> order) {
        String lower = tag.strip().toLowerCase(Locale.ROOT);
        for (String prefix : prefixes) {
            if (lower.startsWith(prefix) && lower.length() > prefix.length()
                    && Character.isDigit(lower.charAt(prefix.length()))) {
                String version = tag.strip().substring(prefix.length());
                if (order.key(version).isPresent()) {
                    return Optional.of(version);
                }
            }
        }
        return Optional.empty();
    }
}
