package dev.pinver.lock;

import dev.pinver.Location;
import dev.pinver.PinverException;
import dev.pinver.manifest.Pep508;
import dev.pinver.manifest.TomlParsing;
import java.nio.file.Path;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;
import org.tomlj.TomlValue;

/**
 * Reads the TOML lock files of uv, Poetry and PDM, which all list what they resolved as
 * {@code [[package]]} tables with {@code name} and {@code version}. Only packages from a package index
 * are kept; what each tool marks as coming from elsewhere is skipped:
 * <ul>
 *   <li>uv: entries whose {@code source} has no {@code registry} key ({@code editable} and {@code virtual}
 *       project and workspace entries, {@code directory}, {@code path}, {@code git}, {@code url});</li>
 *   <li>Poetry: entries whose {@code [package.source]} type is {@code git}, {@code directory}, {@code file}
 *       or {@code url} (a {@code legacy} source is a private index and kept);</li>
 *   <li>PDM: entries with a {@code git}, {@code hg}, {@code svn}, {@code bzr}, {@code url} or {@code path}
 *       key. An extras entry ({@code extras = [...]}, or a name written {@code name[extra]} by old PDM)
 *       counts for its base name.</li>
 * </ul>
 * A name locked in several versions (forks by environment markers) keeps the newest.
 */
public final class TomlLockReader implements LockReader {

    private static final Set<String> POETRY_NON_INDEX = Set.of("git", "directory", "file", "url");
    private static final Set<String> PDM_NON_INDEX = Set.of("git", "hg", "svn", "bzr", "url", "path");

    private static final String PACKAGE = "this [[package]] entry";

    private enum Tool { UV, POETRY, PDM }

    private final Tool tool;

    private TomlLockReader(Tool tool) {
        this.tool = tool;
    }

    /** The reader for {@code uv.lock}. */
    public static TomlLockReader uv() {
        return new TomlLockReader(Tool.UV);
    }

    /** The reader for {@code poetry.lock}. */
    public static TomlLockReader poetry() {
        return new TomlLockReader(Tool.POETRY);
    }

    /** The reader for {@code pdm.lock}. */
    public static TomlLockReader pdm() {
        return new TomlLockReader(Tool.PDM);
    }

    private String format() {
        return switch (tool) {
            case UV -> LockedVersions.UV;
            case POETRY -> LockedVersions.POETRY;
            case PDM -> LockedVersions.PDM;
        };
    }

    @Override
    public LockedVersions read(Path lockFile, String text) {
        Reading reading = new Reading(lockFile, text);
        // a byte order mark counts as a space, which keeps every position
        TomlParseResult toml = TomlParsing.parse(text.startsWith("\uFEFF") ? " " + text.substring(1) : text)
                .orElseThrow(() -> reading.error(TomlPosition.positionAt(1, 1), TomlParsing.GAVE_UP));
        if (toml.hasErrors()) {
            TomlParseError first = toml.errors().get(0);
            throw reading.error(first.position(), "invalid TOML: " + first.getMessage());
        }
        PythonVersions versions = new PythonVersions();
        if (toml.contains("package")) {
            TomlValue packages = toml.entry("package").value();
            if (!packages.isArray()) {
                throw reading.error(packages.position(), "expected [[package]] tables");
            }
            TomlArray array = packages.getArray();
            for (int i = 0; i < array.size(); i++) {
                TomlValue entry = array.entry(i).value();
                if (!entry.isTable()) {
                    throw reading.error(entry.position(), "expected [[package]] tables");
                }
                readPackage(reading, entry, versions);
            }
        }
        return new LockedVersions(lockFile, format(), versions.toMap());
    }

    private void readPackage(Reading reading, TomlValue entry, PythonVersions versions) {
        TomlTable table = entry.getTable();
        String name = reading.string(table, "name", entry, PACKAGE);
        if (tool == Tool.PDM && name.indexOf('[') > 0 && name.endsWith("]")) {
            name = name.substring(0, name.indexOf('['));
        }
        if (!Pep508.isValidName(name)) {
            throw reading.error(table.entry("name").value().position(), "not a valid package name: '" + name + "'");
        }
        if (fromIndex(reading, table)) {
            versions.add(name, reading.string(table, "version", entry, PACKAGE));
        }
    }

    private boolean fromIndex(Reading reading, TomlTable table) {
        return switch (tool) {
            case UV -> !table.contains("source") || reading.table(table, "source").contains("registry");
            case POETRY -> !table.contains("source")
                    || !POETRY_NON_INDEX.contains(reading.string(reading.table(table, "source"), "type",
                            table.entry("source").value(), "[package.source]"));
            case PDM -> PDM_NON_INDEX.stream().noneMatch(table::contains);
        };
    }

    /** The text being read, to turn tomlj positions (columns in code points) into locations. */
    private record Reading(Path file, String text) {

        /** The string at {@code key} of {@code table}, which sits at {@code owner} and is called {@code what}. */
        String string(TomlTable table, String key, TomlValue owner, String what) {
            if (!table.contains(key)) {
                throw error(owner.position(), what + " has no " + key);
            }
            TomlValue value = table.entry(key).value();
            if (!value.isString()) {
                throw error(value.position(), key + " must be a string");
            }
            return value.getString();
        }

        TomlTable table(TomlTable parent, String key) {
            TomlValue value = parent.entry(key).value();
            if (!value.isTable()) {
                throw error(value.position(), key + " must be a table");
            }
            return value.getTable();
        }

        /** An error at {@code at}, or at the start of the file when tomlj knows no position (it may not). */
        PinverException error(TomlPosition at, String message) {
            if (at == null) {
                return error(TomlPosition.positionAt(1, 1), message);
            }
            int lineStart = 0;
            for (int line = 1; line < at.line(); line++) {
                int newline = text.indexOf('\n', lineStart);
                if (newline < 0) {
                    break;
                }
                lineStart = newline + 1;
            }
            int offset = lineStart;
            for (int k = 1; k < at.column() && offset < text.length() && text.charAt(offset) != '\n'; k++) {
                offset += Character.charCount(text.codePointAt(offset));
            }
            return PinverException.badInput(new Location(file, at.line(), offset - lineStart + 1), message);
        }
    }
}
