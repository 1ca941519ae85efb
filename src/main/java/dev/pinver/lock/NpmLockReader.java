package dev.pinver.lock;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads npm's {@code package-lock.json} (and {@code npm-shrinkwrap.json}, the same format).
 *
 * <p>Lock versions 2 and 3 list installed packages in {@code "packages"}, keyed by install path. The
 * version of a name is the one Node's module resolution finds from the project's directory: for the
 * root project (member directory {@code ""}), {@code node_modules/<name>} (scoped names included,
 * {@code node_modules/@scope/name}); for a workspace member such as {@code packages/app}, first
 * {@code packages/app/node_modules/<name>}, then each parent's {@code node_modules}, up to the root's.
 * Nested copies ({@code node_modules/a/node_modules/b}) belong to other packages and are ignored. Only
 * registry installs count: {@code "link": true} entries (workspace and {@code file:} directory links) and
 * entries {@code "resolved"} to anything but an {@code http(s)} URL (git, {@code file:} tarballs) are
 * skipped, as are entries without a version. An alias ({@code "x": "npm:y@^1"}) is listed under its
 * install name {@code x} with the version of {@code y}.
 *
 * <p>Lock version 1 has only {@code "dependencies"}, whose top-level keys are the root's installs; a
 * version {@code npm:y@1.2.3} is an alias (version {@code 1.2.3}), any other version with a {@code :}
 * (git, {@code file:}) is skipped. Version 1 has no workspaces.
 */
public final class NpmLockReader implements LockReader {

    private final String member;

    /** A reader for the root project's dependencies. */
    public NpmLockReader() {
        this("");
    }

    /**
     * A reader for the dependencies of the workspace member in {@code memberDirectory}: its path from the
     * lock file's directory with {@code /} separators, e.g. {@code packages/app}; {@code ""} for the root.
     */
    public NpmLockReader(String memberDirectory) {
        String m = memberDirectory.replace('\\', '/');
        while (m.endsWith("/")) {
            m = m.substring(0, m.length() - 1);
        }
        this.member = m.equals(".") ? "" : m;
    }

    @Override
    public LockedVersions read(Path lockFile, String text) {
        JsonLock json = new JsonLock(lockFile, text);
        JsonNode packages = json.root().path("packages");
        Map<String, String> versions;
        if (!packages.isMissingNode()) {
            versions = fromPackages(json, objectAt(json, "packages"));
        } else if (!json.root().path("dependencies").isMissingNode()) {
            versions = fromDependencies(json, objectAt(json, "dependencies"));
        } else {
            versions = Map.of();
        }
        return new LockedVersions(lockFile, LockedVersions.NPM, versions);
    }

    private static JsonNode objectAt(JsonLock json, String key) {
        JsonNode node = json.root().path(key);
        if (!node.isObject()) {
            throw json.error(JsonPointer.empty().appendProperty(key), "\"" + key + "\" must be an object");
        }
        return node;
    }

    /** Where the member's lookups go, nearest first: {@code a/b/node_modules/}, {@code a/node_modules/}, {@code node_modules/}. */
    private List<String> lookupDirectories() {
        List<String> directories = new ArrayList<>();
        String dir = member;
        while (!dir.isEmpty()) {
            directories.add(dir + "/node_modules/");
            int slash = dir.lastIndexOf('/');
            dir = slash < 0 ? "" : dir.substring(0, slash);
        }
        directories.add("node_modules/");
        return directories;
    }

    private Map<String, String> fromPackages(JsonLock json, JsonNode packages) {
        List<String> lookups = lookupDirectories();
        Map<String, String> chosenKey = new LinkedHashMap<>();
        Map<String, Integer> chosenRank = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : packages.properties()) {
            String key = field.getKey();
            for (int rank = 0; rank < lookups.size(); rank++) {
                String name = installedName(key, lookups.get(rank));
                if (name != null) {
                    if (rank < chosenRank.getOrDefault(name, Integer.MAX_VALUE)) {
                        chosenRank.put(name, rank);
                        chosenKey.put(name, key);
                    }
                    break;
                }
            }
        }
        Map<String, String> versions = new LinkedHashMap<>();
        JsonPointer packagesAt = JsonPointer.empty().appendProperty("packages");
        chosenKey.forEach((name, key) -> {
            JsonNode entry = packages.get(key);
            JsonPointer at = packagesAt.appendProperty(key);
            if (!entry.isObject()) {
                throw json.error(at, "the entry of " + key + " must be an object");
            }
            JsonNode resolved = entry.path("resolved");
            boolean fromRegistry = !entry.path("link").asBoolean(false)
                    && (resolved.isMissingNode() || resolved.asText().startsWith("https://")
                            || resolved.asText().startsWith("http://"));
            JsonNode version = entry.path("version");
            if (fromRegistry && !version.isMissingNode()) {
                if (!version.isTextual() || version.asText().isEmpty()) {
                    throw json.error(at.appendProperty("version"), "the version of " + key + " must be a non-empty string");
                }
                versions.put(name, version.asText());
            }
        });
        return versions;
    }

    /** The package name when {@code key} is {@code directory + name} for one (possibly scoped) name, else null. */
    private static String installedName(String key, String directory) {
        if (!key.startsWith(directory)) {
            return null;
        }
        String name = key.substring(directory.length());
        int slash = name.indexOf('/');
        boolean single = name.startsWith("@")
                ? slash > 1 && slash < name.length() - 1 && name.indexOf('/', slash + 1) < 0
                : !name.isEmpty() && slash < 0;
        return single ? name : null;
    }

    private static Map<String, String> fromDependencies(JsonLock json, JsonNode dependencies) {
        Map<String, String> versions = new LinkedHashMap<>();
        JsonPointer dependenciesAt = JsonPointer.empty().appendProperty("dependencies");
        for (Map.Entry<String, JsonNode> field : dependencies.properties()) {
            JsonPointer at = dependenciesAt.appendProperty(field.getKey());
            if (!field.getValue().isObject()) {
                throw json.error(at, "the entry of " + field.getKey() + " must be an object");
            }
            JsonNode version = field.getValue().path("version");
            if (version.isMissingNode()) {
                continue;
            }
            if (!version.isTextual() || version.asText().isEmpty()) {
                throw json.error(at.appendProperty("version"), "the version of " + field.getKey() + " must be a non-empty string");
            }
            String v = version.asText();
            if (v.startsWith("npm:")) {
                versions.put(field.getKey(), v.substring(v.lastIndexOf('@') + 1));
            } else if (v.indexOf(':') < 0) {
                versions.put(field.getKey(), v);
            }
        }
        return versions;
    }
}
