package dev.pinver.registry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pinver.Location;
import dev.pinver.PinverException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry settings npm would use for a project, from {@code .npmrc} files and the environment, as
 * npm reads them. Lowest to highest precedence: the user's file ({@code $npm_config_userconfig} or
 * {@code ~/.npmrc}), the project's {@code .npmrc}, then {@code npm_config_*} variables (any case;
 * {@code npm_config_registry}). Files are INI as npm's {@code ini} package reads them (a {@code ;} or
 * {@code #} starts a comment unless escaped or quoted; keys inside {@code [sections]} are not settings),
 * and {@code ${VAR}} in keys and values is replaced from the environment ({@code ${VAR?}} by nothing
 * when unset; otherwise an unset variable stays as written, as in npm).
 *
 * <p>Used: {@code registry}, {@code @scope:registry}, and credentials keyed by registry URL without its
 * scheme ({@code //host/path/:_authToken}, {@code :_auth}, {@code :username} with {@code :_password}),
 * found for a URL by walking up its path as npm does. npm's global {@code npmrc}, client certificates
 * ({@code :certfile}/{@code :keyfile}) and {@code cafile} are not read.
 */
public final class NpmConfig {

    /** npm's default registry. */
    public static final String DEFAULT_REGISTRY = "https://registry.npmjs.org/";

    private static final Pattern ENV_REFERENCE = Pattern.compile("(\\\\*)\\$\\{([^${}?]+)(\\?)?}");
    /** Only a JSON string is ever read, so the streaming parser does; an ObjectMapper takes 30 ms to start. */
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final Map<String, String> settings;

    private NpmConfig(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    /**
     * The settings for the project in {@code projectDir}.
     *
     * @throws PinverException of kind {@code BAD_INPUT} when an existing {@code .npmrc} cannot be read
     */
    public static NpmConfig load(Path projectDir, Path home, Map<String, String> env) {
        Map<String, String> settings = new HashMap<>();
        String userConfig = envSetting(env, "userconfig").orElse(home.resolve(".npmrc").toString());
        settings.putAll(readNpmrc(Path.of(userConfig), env));
        settings.putAll(readNpmrc(projectDir.resolve(".npmrc"), env));
        env.forEach((name, value) -> {
            if (name.regionMatches(true, 0, "npm_config_", 0, 11) && !value.isEmpty()) {
                String key = name.substring(11);
                if (!key.startsWith("//")) {
                    key = key.charAt(0) + key.substring(1).replace('_', '-');
                    key = key.toLowerCase(Locale.ROOT);
                }
                settings.put(key, value);
            }
        });
        return new NpmConfig(settings);
    }

    /** Settings given directly, already expanded. */
    static NpmConfig of(Map<String, String> settings) {
        return new NpmConfig(settings);
    }

    /** These settings with {@code registry} replaced, as pinver's {@code --registry npm=URL} asks. */
    public NpmConfig withRegistry(String registry) {
        Map<String, String> changed = new HashMap<>(settings);
        changed.put("registry", registry);
        return new NpmConfig(changed);
    }

    private static Optional<String> envSetting(Map<String, String> env, String key) {
        return env.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("npm_config_" + key) && !e.getValue().isEmpty())
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** The registry URL (with a trailing slash) that serves {@code packageName}. */
    public String registryFor(String packageName) {
        String registry = null;
        if (packageName.startsWith("@") && packageName.indexOf('/') > 0) {
            registry = settings.get(packageName.substring(0, packageName.indexOf('/')) + ":registry");
        }
        if (registry == null || registry.isBlank()) {
            registry = settings.getOrDefault("registry", DEFAULT_REGISTRY);
        }
        registry = registry.strip();
        return registry.endsWith("/") ? registry : registry + "/";
    }

    /**
     * The credentials npm would send with a request for {@code url}, found as npm-registry-fetch finds
     * them: starting from {@code //host[:port]/path} of the URL, the first key with credentials while
     * walking up (removing either the last segment or the trailing slash) down to {@code //host}; at each
     * key {@code :_authToken}, then {@code :_auth}, then {@code :username} with {@code :_password}.
     */
    public Optional<Credentials> credentialsFor(String url) {
        Optional<String> start = authKey(url);
        if (start.isEmpty()) {
            return Optional.empty();
        }
        String key = start.get();
        while (key.length() > 2) {
            Optional<Credentials> found = credentialsAt(key);
            if (found.isPresent()) {
                return found;
            }
            key = key.endsWith("/") ? key.substring(0, key.length() - 1) : key.substring(0, key.lastIndexOf('/') + 1);
        }
        return Optional.empty();
    }

    private Optional<Credentials> credentialsAt(String key) {
        String token = settings.get(key + ":_authToken");
        if (token != null && !token.isEmpty()) {
            return Optional.of(new Credentials.Bearer(token));
        }
        String auth = settings.get(key + ":_auth");
        if (auth != null && !auth.isEmpty()) {
            return Optional.of(new Credentials.EncodedBasic(auth.strip()));
        }
        String user = settings.get(key + ":username");
        String password = settings.get(key + ":_password");
        if (user != null && !user.isEmpty() && password != null && !password.isEmpty()) {
            String decoded = new String(nodeBase64(password), StandardCharsets.UTF_8);
            return Optional.of(new Credentials.Basic(user, decoded));
        }
        return Optional.empty();
    }

    /**
     * Base64 as npm decodes {@code _password}, with Node's {@code Buffer.from(text, 'base64')}: characters
     * outside the alphabet are skipped, the URL-safe {@code -} and {@code _} count, the first {@code =} ends
     * the data, and a partial last group gives what bytes it holds.
     */
    static byte[] nodeBase64(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=') {
                break;
            }
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/') {
                digits.append(c);
            } else if (c == '-' || c == '_') {
                digits.append(c == '-' ? '+' : '/');
            }
        }
        switch (digits.length() % 4) {
            case 1 -> digits.setLength(digits.length() - 1); // six bits make no byte
            case 2 -> digits.append("==");
            case 3 -> digits.append('=');
            default -> { }
        }
        return Base64.getDecoder().decode(digits.toString());
    }

    /** {@code //host[:port]/path} of a URL, the port only when not the scheme's default, as npm keys credentials. */
    static Optional<String> authKey(String url) {
        try {
            URI uri = new URI(url.strip());
            if (uri.getHost() == null) {
                return Optional.empty();
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String port = uri.getPort() == -1 || uri.getPort() == defaultPort(uri.getScheme()) ? "" : ":" + uri.getPort();
            return Optional.of("//" + uri.getHost().toLowerCase(Locale.ROOT) + port + path);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static int defaultPort(String scheme) {
        return "http".equalsIgnoreCase(scheme) ? 80 : 443;
    }

    /** The top-level settings of an {@code .npmrc}, expanded; a missing file has none. */
    static Map<String, String> readNpmrc(Path file, Map<String, String> env) {
        List<String> lines;
        try {
            if (!Files.isRegularFile(file)) {
                return Map.of();
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw PinverException.badInput(new Location(file, 1, 1), "cannot read npm configuration: " + e.getMessage());
        }
        Map<String, String> settings = new HashMap<>();
        boolean inSection = false;
        for (String line : lines) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith(";") || stripped.startsWith("#")) {
                continue;
            }
            if (stripped.startsWith("[") && stripped.endsWith("]")) {
                inSection = true;
                continue;
            }
            int eq = line.indexOf('=');
            String key = unquote(eq < 0 ? line : line.substring(0, eq));
            if (inSection || key.isEmpty() || key.endsWith("[]")) {
                continue;
            }
            String value = eq < 0 ? "true" : unquote(line.substring(eq + 1));
            settings.put(expand(key, env), expand(value, env));
        }
        return settings;
    }

    /**
     * A key or value as npm's {@code ini} reads it: trimmed; a quoted one unquoted (double quotes as a
     * JSON string); otherwise cut at the first unescaped {@code ;} or {@code #}, with {@code \;},
     * {@code \#} and {@code \\} unescaped.
     */
    static String unquote(String raw) {
        String text = raw.strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            try (JsonParser parser = JSON.createParser(text)) {
                return parser.nextToken() == JsonToken.VALUE_STRING ? parser.getText() : text;
            } catch (IOException e) {
                return text;
            }
        }
        if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
            return text.substring(1, text.length() - 1);
        }
        StringBuilder out = new StringBuilder();
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (escaped) {
                if ("\\;#".indexOf(c) < 0) {
                    out.append('\\');
                }
                out.append(c);
                escaped = false;
            } else if (c == ';' || c == '#') {
                break;
            } else if (c == '\\') {
                escaped = true;
            } else {
                out.append(c);
            }
        }
        if (escaped) {
            out.append('\\');
        }
        return out.toString().strip();
    }

    /** npm's {@code ${VAR}} replacement: an odd run of backslashes before it escapes it. */
    static String expand(String text, Map<String, String> env) {
        Matcher m = ENV_REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String escapes = m.group(1);
            String replacement;
            if (escapes.length() % 2 == 1) {
                replacement = m.group().substring((escapes.length() + 1) / 2);
            } else {
                String value = env.get(m.group(2));
                String fallback = m.group(3) != null ? "" : "${" + m.group(2) + "}";
                replacement = escapes.substring(escapes.length() / 2) + (value != null ? value : fallback);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
