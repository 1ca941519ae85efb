package dev.pinver.lock;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pinver.manifest.Pep508;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Pipenv's {@code Pipfile.lock}: the {@code default} and {@code develop} objects map package names
 * to entries whose {@code "version"} is an exact pin such as {@code "==2.32.3"}. Entries without a
 * version, or from a VCS, a path or a file ({@code git}, {@code hg}, {@code svn}, {@code bzr},
 * {@code path}, {@code file} keys), are skipped. Pipenv resolves both sections together; should a
 * name still carry two versions, the one in {@code default} is kept, as it is what production installs.
 */
public final class PipfileLockReader implements LockReader {

    private static final List<String> SECTIONS = List.of("default", "develop");
    private static final Set<String> NON_INDEX = Set.of("git", "hg", "svn", "bzr", "path", "file");

    @Override
    public LockedVersions read(Path lockFile, String text) {
        JsonLock json = new JsonLock(lockFile, text);
        PythonVersions versions = new PythonVersions();
        for (String section : SECTIONS) {
            JsonNode packages = json.root().path(section);
            JsonPointer sectionAt = JsonPointer.empty().appendProperty(section);
            if (packages.isMissingNode() || packages.isNull()) {
                continue;
            }
            if (!packages.isObject()) {
                throw json.error(sectionAt, "\"" + section + "\" must be an object of packages");
            }
            for (Map.Entry<String, JsonNode> field : packages.properties()) {
                JsonPointer at = sectionAt.appendProperty(field.getKey());
                JsonNode entry = field.getValue();
                if (!Pep508.isValidName(field.getKey())) {
                    throw json.error(at, "not a valid package name: '" + field.getKey() + "'");
                }
                if (!entry.isObject()) {
                    throw json.error(at, "the entry of " + field.getKey() + " must be an object");
                }
                JsonNode version = entry.path("version");
                if (version.isMissingNode() || NON_INDEX.stream().anyMatch(entry::has)) {
                    continue;
                }
                String pin = version.isTextual() ? version.asText() : "";
                String exact = PythonVersions.exactVersion(pin).orElseThrow(() -> json.error(at.appendProperty("version"),
                        "the version of " + field.getKey() + " must be an exact pin such as \"==1.2.3\""));
                versions.addIfAbsent(field.getKey(), exact);
            }
        }
        return new LockedVersions(lockFile, LockedVersions.PIPENV, versions.toMap());
    }
}
