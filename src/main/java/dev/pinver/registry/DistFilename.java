package dev.pinver.registry;

import dev.pinver.manifest.Pep508;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The version in a distribution's file name, read as pip reads the files of a simple index: a wheel
 * ({@code name-version(-build)?-python-abi-platform.whl}, per the binary distribution format) or an
 * sdist archive ({@code name-version.tar.gz} and the other archive extensions pip accepts), whose name
 * and version are split at the first dash after which the prefix normalises to the project's name.
 * Extensions are matched case-sensitively, as pip does. Files of another project, and other kinds of
 * files (eggs, installers), have no version here.
 */
final class DistFilename {

    private static final List<String> SDIST_EXTENSIONS = List.of(
            ".tar.gz", ".tgz", ".tar", ".zip", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tlz", ".tar.lz", ".tar.lzma");
    private static final Pattern WHEEL_NAME = Pattern.compile("[\\w.]*", Pattern.UNICODE_CHARACTER_CLASS);

    private DistFilename() {
    }

    /**
     * The version text in {@code filename} when it is a wheel or sdist of the project whose normalised
     * name is {@code project}; empty otherwise.
     */
    static Optional<String> version(String filename, String project) {
        if (filename.endsWith(".whl")) {
            return wheelVersion(filename.substring(0, filename.length() - 4), project);
        }
        for (String extension : SDIST_EXTENSIONS) {
            if (filename.endsWith(extension)) {
                return sdistVersion(filename.substring(0, filename.length() - extension.length()), project);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> wheelVersion(String stem, String project) {
        String[] parts = stem.split("-", -1);
        if (parts.length != 5 && parts.length != 6) {
            return Optional.empty();
        }
        String name = parts[0];
        if (name.contains("__") || !WHEEL_NAME.matcher(name).matches() || !Pep508.normalise(name).equals(project)) {
            return Optional.empty();
        }
        if (parts.length == 6 && (parts[2].isEmpty() || !Character.isDigit(parts[2].charAt(0)))) {
            return Optional.empty();
        }
        return parts[1].isEmpty() ? Optional.empty() : Optional.of(parts[1]);
    }

    private static Optional<String> sdistVersion(String stem, String project) {
        for (int i = stem.indexOf('-'); i >= 0; i = stem.indexOf('-', i + 1)) {
            if (Pep508.normalise(stem.substring(0, i)).equals(project)) {
                String version = stem.substring(i + 1);
                return version.isEmpty() ? Optional.empty() : Optional.of(version);
            }
        }
        return Optional.empty();
    }
}
