package dev.pinver.lock;

import dev.pinver.manifest.Pep508;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The versions a lock file resolved, one per package installed from a registry.
 *
 * @param lockFile the lock file read
 * @param format which kind of lock it is: one of {@link #UV}, {@link #POETRY}, {@link #PDM},
 *     {@link #PIPENV}, {@link #REQUIREMENTS}, {@link #NPM}
 * @param versions package name → version exactly as locked (without {@code ==}); names are PEP 503
 *     normalised for the Python formats and as installed ({@code node_modules/<name>}, scope included)
 *     for npm. Where a lock holds several versions of one name, the rule of the package documentation
 *     chose one. Iteration follows the order of the lock file.
 */
public record LockedVersions(Path lockFile, String format, Map<String, String> versions) {

    /** {@code uv.lock}. */
    public static final String UV = "uv.lock";
    /** {@code poetry.lock}. */
    public static final String POETRY = "poetry.lock";
    /** {@code pdm.lock}. */
    public static final String PDM = "pdm.lock";
    /** {@code Pipfile.lock}. */
    public static final String PIPENV = "Pipfile.lock";
    /** Fully pinned requirements: pip-compile, {@code uv pip compile}, {@code uv export}, {@code pip freeze}. */
    public static final String REQUIREMENTS = "requirements";
    /** npm's {@code package-lock.json} or {@code npm-shrinkwrap.json}. */
    public static final String NPM = "package-lock.json";

    public LockedVersions {
        versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
    }

    /**
     * The locked version of {@code name}. For the Python formats the name may be written in any
     * spelling PEP 503 considers equal ({@code Django}, {@code zope_interface}); npm names are exact.
     */
    public Optional<String> versionOf(String name) {
        String found = versions.get(name);
        if (found == null && !format.equals(NPM)) {
            found = versions.get(Pep508.normalise(name));
        }
        return Optional.ofNullable(found);
    }
}
