package dev.pinver.lock;

import dev.pinver.Location;
import dev.pinver.PinverException;
import dev.pinver.manifest.Dependency;
import dev.pinver.manifest.Manifest;
import dev.pinver.manifest.Problem;
import dev.pinver.manifest.RequirementsReader;
import dev.pinver.manifest.Source;
import dev.pinver.manifest.Span;
import java.nio.file.Path;

/**
 * Reads a fully pinned requirements file as a lock: the output of pip-compile, {@code uv pip compile},
 * {@code uv export} or {@code pip freeze}. Lines are read as pip reads them ({@link RequirementsReader}:
 * continuations, comments such as {@code # via}, {@code --hash} and other options, extras, markers).
 * Every registry requirement must be an exact pin ({@code name==version}, or {@code ===}); editable
 * ({@code -e}), URL and path lines are skipped. A file with a requirement that is not an exact pin, or
 * that includes other files with {@code -r}/{@code -c}, is not a lock, and reading it fails at that line
 * instead of guessing. Marker forks ({@code uv pip compile --universal}) keep the newest version.
 */
public final class RequirementsLockReader implements LockReader {

    @Override
    public LockedVersions read(Path lockFile, String text) {
        Manifest manifest = new RequirementsReader().read(lockFile, text);
        if (!manifest.problems().isEmpty()) {
            Problem first = manifest.problems().get(0);
            throw PinverException.badInput(first.location(), first.message());
        }
        if (!manifest.includes().isEmpty()) {
            Span at = manifest.includes().get(0).span();
            throw PinverException.badInput(new Location(lockFile, at.line(), at.column()),
                    "not a lock: it includes another file, where a lock lists every package itself");
        }
        PythonVersions versions = new PythonVersions();
        for (Dependency d : manifest.dependencies()) {
            if (d.source() != Source.REGISTRY) {
                continue;
            }
            String version = PythonVersions.exactVersion(d.spec()).orElseThrow(() -> PinverException.badInput(d.reportedAt(),
                    d.spec().isEmpty()
                            ? "not a lock: " + d.name() + " has no version, where a lock pins every package with '=='"
                            : "not a lock: " + d.name() + " '" + d.spec() + "' is not an exact '==' pin"));
            versions.add(d.name(), version);
        }
        return new LockedVersions(lockFile, LockedVersions.REQUIREMENTS, versions.toMap());
    }
}
