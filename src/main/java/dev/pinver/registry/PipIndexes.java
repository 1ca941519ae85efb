package dev.pinver.registry;

import dev.pinver.Location;
import dev.pinver.PinverException;
import dev.pinver.manifest.IndexOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The package indexes pip would use, worked out as pip does. Lowest to highest precedence:
 * <ol>
 * <li>pip's configuration files, in pip's order: the site-wide ones ({@code pip/pip.conf} under each
 * directory of {@code $XDG_CONFIG_DIRS} (default {@code /etc/xdg}), then {@code /etc/pip.conf}), the
 * user's ({@code ~/.pip/pip.conf}, then {@code $XDG_CONFIG_HOME/pip/pip.conf} or
 * {@code ~/.config/pip/pip.conf}; both skipped when {@code PIP_CONFIG_FILE} names an existing file), the
 * virtualenv's ({@code $VIRTUAL_ENV/pip.conf}) and {@code PIP_CONFIG_FILE}; in each, section
 * {@code [global]} and then {@code [install]}. {@code PIP_CONFIG_FILE=/dev/null} disables them all;</li>
 * <li>{@code PIP_INDEX_URL}, {@code PIP_EXTRA_INDEX_URL} (space-separated), {@code PIP_NO_INDEX};</li>
 * <li>the command line: {@code --index-url} replaces, {@code --extra-index-url} adds, {@code --no-index}
 * drops them all;</li>
 * <li>requirements files' own option lines, in order, as pip 23 applies them: {@code --index-url}
 * replaces the whole list, {@code --extra-index-url} appends, and {@code --no-index} empties it for
 * good: once indexes are off (there, in the configuration or on the command line), later index
 * options are ignored.</li>
 * </ol>
 * Without any index URL the index is {@value #PYPI}. pip's {@code find-links} (configuration,
 * {@code PIP_FIND_LINKS}, requirements files' {@code -f}) are kept apart: they are not indexes, and
 * {@code --no-index} does not turn them off.
 */
public final class PipIndexes {

    /** pip's default index. */
    public static final String PYPI = "https://pypi.org/simple";

    /** An environment variable in a requirements file, as pip expands them. */
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    /** The settings so far: the main index (empty for pip's default), the extra ones, and whether indexes are off. */
    private record Settings(Optional<String> indexUrl, List<String> extraIndexUrls, boolean noIndex) {

        List<String> urls() {
            if (noIndex) {
                return List.of();
            }
            List<String> urls = new ArrayList<>();
            urls.add(indexUrl.orElse(PYPI));
            urls.addAll(extraIndexUrls);
            return urls;
        }
    }

    private PipIndexes() {
    }

    /**
     * The index URLs from these pip configuration files, {@code env} and the command line, main index first;
     * none when indexes are off.
     */
    static List<String> configured(List<Path> files, Map<String, String> env, Optional<String> indexUrl,
            List<String> extraIndexUrls, boolean noIndex) {
        return indexUrls(values(files, env), indexUrl, extraIndexUrls, noIndex);
    }

    /**
     * What pip's configuration says about where packages come from, read once.
     *
     * @param indexUrls the index URLs, main index first, as {@link #configured} gives them
     * @param findLinks pip's {@code find-links}: directories or HTML pages of distribution files that pip
     *     considers besides the indexes
     */
    public record Sources(List<String> indexUrls, List<String> findLinks) {

        public Sources {
            indexUrls = List.copyOf(indexUrls);
            findLinks = List.copyOf(findLinks);
        }
    }

    /**
     * The index URLs from pip's configuration files, {@code env} and the command line, as {@link #configured}
     * gives them (indexes on), and the {@code find-links} of the configuration files and
     * {@code PIP_FIND_LINKS} (space-separated).
     *
     * @param home the user's home directory
     * @throws PinverException of kind {@code BAD_INPUT} when a configuration file cannot be read
     */
    public static Sources sources(Map<String, String> env, Path home, Optional<String> indexUrl, List<String> extraIndexUrls) {
        return sources(configFiles(env, home), env, indexUrl, extraIndexUrls);
    }

    /** As {@link #sources(Map, Path, Optional, List)}, from these configuration files. */
    static Sources sources(List<Path> files, Map<String, String> env, Optional<String> indexUrl, List<String> extraIndexUrls) {
        Map<String, String> values = values(files, env);
        return new Sources(indexUrls(values, indexUrl, extraIndexUrls, false), words(values.getOrDefault("find-links", "")));
    }

    private static List<String> indexUrls(Map<String, String> values, Optional<String> indexUrl, List<String> extraIndexUrls,
            boolean noIndex) {
        Settings settings = new Settings(
                Optional.ofNullable(values.get("index-url")).map(String::strip).filter(s -> !s.isEmpty()),
                words(values.getOrDefault("extra-index-url", "")),
                values.containsKey("no-index") && truthy(values.get("no-index")));
        List<String> extras = new ArrayList<>(settings.extraIndexUrls());
        extras.addAll(extraIndexUrls);
        return new Settings(indexUrl.or(settings::indexUrl), extras, noIndex || settings.noIndex()).urls();
    }

    /** The settings of the configuration files ({@code [global]}, then {@code [install]}), then of {@code PIP_*}. */
    private static Map<String, String> values(List<Path> files, Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Path file : files) {
            Map<String, Map<String, String>> sections = readIni(file);
            for (String section : List.of("global", "install")) {
                sections.getOrDefault(section, Map.of()).forEach((key, value) -> values.put(normaliseKey(key), value));
            }
        }
        for (String key : List.of("index-url", "extra-index-url", "no-index", "find-links")) {
            String variable = "PIP_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
            if (env.containsKey(variable)) {
                values.put(key, env.get(variable));
            }
        }
        return values;
    }

    /**
     * {@code urls} after the index options of a requirements file, applied in order as pip applies them.
     * An empty {@code urls} means indexes are off ({@code --no-index}), which no option turns back on.
     * {@code ${NAME}} in a URL is replaced by the environment variable, as pip does (names of upper-case
     * letters, digits and {@code _}; an unset one is left as written).
     */
    public static List<String> withRequirementsOptions(List<String> urls, List<IndexOption> options, Map<String, String> env) {
        List<String> out = new ArrayList<>(urls);
        boolean noIndex = urls.isEmpty();
        for (IndexOption option : options) {
            if (option.kind() == IndexOption.Kind.FIND_LINKS) {
                continue; // not an index; see withRequirementsFindLinks
            }
            String value = expand(option.value().strip(), env);
            if (option.kind() == IndexOption.Kind.NO_INDEX) {
                noIndex = true;
                out.clear();
            } else if (!noIndex && option.kind() == IndexOption.Kind.INDEX_URL) {
                out.clear();
                out.add(value);
            } else if (!noIndex) {
                out.add(value);
            }
        }
        return out;
    }

    /** {@code findLinks} and the {@code --find-links} of requirements files, in order; {@code --no-index} does not drop them. */
    public static List<String> withRequirementsFindLinks(List<String> findLinks, List<IndexOption> options, Map<String, String> env) {
        List<String> out = new ArrayList<>(findLinks);
        options.stream().filter(o -> o.kind() == IndexOption.Kind.FIND_LINKS).forEach(o -> out.add(expand(o.value().strip(), env)));
        return out;
    }

    private static String expand(String text, Map<String, String> env) {
        Matcher m = ENV_REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code urls} as indexes, duplicates removed. */
    public static List<PypiIndex> indexes(List<String> urls) {
        Map<String, PypiIndex> unique = new LinkedHashMap<>();
        for (String url : urls) {
            PypiIndex index = PypiIndex.of(url);
            unique.putIfAbsent(index.url(), index);
        }
        return List.copyOf(unique.values());
    }

    /** The configuration files pip reads, lowest precedence first, existing or not. */
    public static List<Path> configFiles(Map<String, String> env, Path home) {
        String envFile = env.get("PIP_CONFIG_FILE");
        if ("/dev/null".equals(envFile)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        String dirs = env.getOrDefault("XDG_CONFIG_DIRS", "");
        for (String dir : (dirs.isBlank() ? "/etc/xdg" : dirs).split(":")) {
            if (!dir.isBlank()) {
                files.add(Path.of(dir, "pip", "pip.conf"));
            }
        }
        files.add(Path.of("/etc", "pip.conf"));
        boolean envFileExists = envFile != null && !envFile.isEmpty() && Files.exists(Path.of(envFile));
        if (!envFileExists) {
            files.add(home.resolve(".pip").resolve("pip.conf"));
            String configHome = env.get("XDG_CONFIG_HOME");
            Path userDir = configHome != null && !configHome.isBlank() && Path.of(configHome).isAbsolute()
                    ? Path.of(configHome) : home.resolve(".config");
            files.add(userDir.resolve("pip").resolve("pip.conf"));
        }
        String venv = env.get("VIRTUAL_ENV");
        if (venv != null && !venv.isBlank()) {
            files.add(Path.of(venv, "pip.conf"));
        }
        if (envFile != null && !envFile.isEmpty()) {
            files.add(Path.of(envFile));
        }
        return files;
    }

    /** pip's spelling of an option name, whichever way it is written: {@code Index_URL} and {@code --index-url} → {@code index-url}. */
    private static String normaliseKey(String key) {
        String name = key.toLowerCase(Locale.ROOT).replace('_', '-');
        return name.startsWith("--") ? name.substring(2) : name;
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    /** Python's {@code strtobool}, as pip uses it for flags. */
    private static boolean truthy(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "y", "yes", "t", "true", "on", "1" -> true;
            default -> false;
        };
    }

    /**
     * An INI file as Python's {@code configparser} reads pip's: {@code [section]} headers, {@code key = value}
     * or {@code key: value}, keys lower-cased, whole-line comments starting with {@code #} or {@code ;},
     * and indented lines continuing the previous value. A missing file is empty.
     */
    static Map<String, Map<String, String>> readIni(Path file) {
        List<String> lines;
        try {
            if (!Files.isRegularFile(file)) {
                return Map.of();
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw PinverException.badInput(new Location(file, 1, 1), "cannot read pip configuration: " + e.getMessage());
        }
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> section = null;
        String lastKey = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
                continue;
            }
            boolean indented = Character.isWhitespace(line.charAt(0));
            if (indented && section != null && lastKey != null) {
                section.merge(lastKey, stripped, (old, more) -> old.isEmpty() ? more : old + "\n" + more);
                continue;
            }
            if (stripped.startsWith("[") && stripped.endsWith("]")) {
                section = sections.computeIfAbsent(stripped.substring(1, stripped.length() - 1).strip(), s -> new LinkedHashMap<>());
                lastKey = null;
                continue;
            }
            int eq = stripped.indexOf('=');
            int colon = stripped.indexOf(':');
            int delimiter = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
            if (section == null || delimiter <= 0) {
                throw PinverException.badInput(new Location(file, i + 1, 1),
                        section == null ? "pip configuration has an option before any [section]" : "not an option line: " + stripped);
            }
            lastKey = stripped.substring(0, delimiter).strip().toLowerCase(Locale.ROOT);
            section.put(lastKey, stripped.substring(delimiter + 1).strip());
        }
        return sections;
    }
}
