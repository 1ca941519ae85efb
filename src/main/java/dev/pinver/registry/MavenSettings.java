package dev.pinver.registry;

import dev.pinver.PinverException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What pinver takes from Maven's settings.xml: where the local repository is, whether Maven is offline,
 * mirrors, credentials, proxies, and the repositories of the active profiles. Values are as Maven reads
 * them after {@code ${env.NAME}} / {@code ${system.property}} interpolation.
 *
 * <p>Not supported: passwords encrypted with {@code mvn --encrypt-password} (settings-security.xml);
 * such a server is recognised ({@link Server#encrypted()}) and its credentials are not sent. Profiles
 * are active when listed in {@code <activeProfiles>}, or, when none is, when {@code activeByDefault};
 * other activation conditions (JDK, OS, property, file) are not evaluated.
 *
 * @param localRepository {@code <localRepository>}, when set
 * @param offline {@code <offline>}
 * @param mirrors {@code <mirrors>}, in file order (Maven takes the first whose {@code mirrorOf} matches)
 * @param servers {@code <servers>}, credentials by repository or mirror id
 * @param proxies {@code <proxies>}, active or not
 * @param repositories the repositories of the active profiles, in file order
 */
public record MavenSettings(
        Optional<Path> localRepository,
        boolean offline,
        List<Mirror> mirrors,
        List<Server> servers,
        List<Proxy> proxies,
        List<MavenRepository> repositories) {

    /** No settings at all: Maven's defaults. */
    public static final MavenSettings NONE = new MavenSettings(Optional.empty(), false, List.of(), List.of(), List.of(), List.of());

    public MavenSettings {
        Objects.requireNonNull(localRepository, "localRepository");
        mirrors = List.copyOf(mirrors);
        servers = List.copyOf(servers);
        proxies = List.copyOf(proxies);
        repositories = List.copyOf(repositories);
    }

    /**
     * A {@code <mirror>}.
     *
     * @param mirrorOf the repositories it replaces: ids, {@code *}, {@code external:*}, {@code external:http:*},
     *     {@code !id} exclusions, comma-separated (matched by Resolver's own mirror selector)
     * @param layout its repository layout, {@code default} unless set
     * @param mirrorOfLayouts the layouts of the repositories it replaces, {@code default,legacy} unless set
     * @param blocked true when it stands for repositories that must not be used (Maven 3.8's http blocker)
     */
    public record Mirror(String id, String url, String mirrorOf, String layout, String mirrorOfLayouts, boolean blocked) {
    }

    /**
     * A {@code <server>}: credentials for the repository or mirror with the same id.
     *
     * @param username empty when absent
     * @param password empty when absent; never shown by {@link #toString()}
     * @param headers the {@code <configuration><httpHeaders>} sent with every request (tokens such as
     *     GitLab's {@code Private-Token}); values never shown by {@link #toString()}
     */
    public record Server(String id, String username, String password, Map<String, String> headers) {

        /** An unescaped {@code {...}} anywhere in the value: plexus-cipher's mark of an encrypted password. */
        private static final Pattern ENCRYPTED = Pattern.compile("(?s).*?(^|[^\\\\])\\{.*?[^\\\\]}.*");

        public Server {
            headers = Map.copyOf(headers);
        }

        /** True when the password is encrypted ({@code {...}}), which pinver cannot decrypt. */
        public boolean encrypted() {
            return ENCRYPTED.matcher(password).matches();
        }

        @Override
        public String toString() {
            return "Server[id=" + id + ", username=" + username + ", password=" + (password.isEmpty() ? "" : "***")
                    + ", headers=" + headers.keySet() + "]";
        }
    }

    /**
     * A {@code <proxy>}.
     *
     * @param protocol the protocol of the repositories it serves ({@code http} also serves {@code https}
     *     repositories when no {@code https} proxy is declared), {@code http} unless set
     * @param port {@code 8080} unless set
     * @param password empty when absent; never shown by {@link #toString()}
     * @param nonProxyHosts host patterns reached directly, {@code |}-separated, {@code *} as wildcard
     */
    public record Proxy(String id, boolean active, String protocol, String host, int port, String username, String password,
            String nonProxyHosts) {

        @Override
        public String toString() {
            return "Proxy[id=" + id + ", active=" + active + ", protocol=" + protocol + ", host=" + host + ", port=" + port
                    + ", username=" + username + ", password=" + (password.isEmpty() ? "" : "***") + ", nonProxyHosts="
                    + nonProxyHosts + "]";
        }
    }

    /**
     * Maven's settings for a run: the user settings ({@code explicit}, as {@code mvn -s} names it, else
     * {@code ~/.m2/settings.xml} when it exists) over the global settings of the Maven installation named
     * by {@code MAVEN_HOME} or {@code M2_HOME} ({@code conf/settings.xml}, when it exists).
     *
     * @throws PinverException {@code BAD_INPUT} when {@code explicit} does not exist or a file cannot be read
     */
    public static MavenSettings load(Optional<Path> explicit) {
        Function<String, String> variables = MavenSettings::systemVariable;
        MavenSettings user = NONE;
        if (explicit.isPresent()) {
            if (!Files.isRegularFile(explicit.get())) {
                throw new PinverException(PinverException.Kind.BAD_INPUT, "settings file not found: " + explicit.get());
            }
            user = read(explicit.get(), variables);
        } else {
            Path home = Path.of(System.getProperty("user.home"), ".m2", "settings.xml");
            if (Files.isRegularFile(home)) {
                user = read(home, variables);
            }
        }
        MavenSettings global = NONE;
        for (String name : List.of("MAVEN_HOME", "M2_HOME")) {
            String installation = System.getenv(name);
            if (installation != null && !installation.isBlank()) {
                Path file = Path.of(installation, "conf", "settings.xml");
                if (Files.isRegularFile(file)) {
                    global = read(file, variables);
                }
                break;
            }
        }
        return user.over(global);
    }

    /**
     * Reads one settings.xml; {@code variables} gives the value of a {@code ${name}} reference ({@code env.HOME},
     * {@code user.home}), or {@code null} when it has none (the reference then stays as written).
     *
     * @throws PinverException {@code BAD_INPUT} with the file position for a file that is not well-formed XML,
     *     has a DOCTYPE, is not a {@code <settings>} document, or lacks a required value
     */
    public static MavenSettings read(Path file, Function<String, String> variables) {
        return new MavenSettingsReader(file, variables).read();
    }

    /** {@code env.NAME} from the environment, anything else from the system properties. */
    static String systemVariable(String name) {
        return name.startsWith("env.") ? System.getenv(name.substring(4)) : System.getProperty(name);
    }

    /**
     * These settings (the user's) over {@code global}, as Maven merges them: this side's local repository
     * unless unset, offline when either says so, and for mirrors, servers, proxies and profile repositories
     * this side's entries first, then the other side's whose ids this side does not use.
     */
    public MavenSettings over(MavenSettings global) {
        return new MavenSettings(
                localRepository.or(global::localRepository),
                offline || global.offline,
                byId(mirrors, global.mirrors, Mirror::id),
                byId(servers, global.servers, Server::id),
                byId(proxies, global.proxies, Proxy::id),
                byId(repositories, global.repositories, MavenRepository::id));
    }

    private static <T> List<T> byId(List<T> dominant, List<T> recessive, Function<T, String> id) {
        List<T> merged = new ArrayList<>(dominant);
        List<String> ids = dominant.stream().map(id).toList();
        recessive.stream().filter(r -> !ids.contains(id.apply(r))).forEach(merged::add);
        return merged;
    }

    /** Every credential value in these settings (passwords, header values), for masking messages. */
    List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        for (Server server : servers) {
            secrets.add(server.password());
            secrets.addAll(server.headers().values());
        }
        proxies.forEach(p -> secrets.add(p.password()));
        secrets.removeIf(String::isEmpty);
        return secrets;
    }
}
