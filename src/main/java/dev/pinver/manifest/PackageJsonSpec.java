package dev.pinver.manifest;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the value of a package.json dependency says: where the package comes from and which part of
 * the value is its version spec. Read the way npm's {@code npm-package-arg} reads it, plus the
 * protocols of pnpm and Yarn:
 *
 * <ul>
 *   <li>paths ({@code ./x}, {@code ../x}, {@code ~/x}, {@code /x}, {@code C:…}, a value with a {@code /} that is
 *       not a GitHub shorthand, a {@code .tgz}/{@code .tar.gz}/{@code .tar} file) and the {@code file:}, {@code link:},
 *       {@code workspace:}, {@code portal:}, {@code patch:} and {@code exec:} protocols are {@link Source#LOCAL};
 *   <li>{@code catalog:} and {@code catalog:<name>} (pnpm) are {@link Source#MANAGED}: the catalog holds the range;
 *   <li>every other {@code <scheme>:} value ({@code git+https:}, {@code git:}, {@code github:}, {@code gitlab:},
 *       {@code bitbucket:}, {@code http(s):} tarballs, {@code jsr:}...), scp-like {@code user@host:path} and GitHub
 *       shorthands ({@code user/repo#ref}) are {@link Source#URL} (npm itself takes an scp-like address of a host
 *       it does not know for a directory);
 *   <li>{@code npm:<name>@<spec>} is an alias: a {@link Source#REGISTRY} dependency on {@code <name>} whose spec is
 *       the part after the {@code @} (empty, at {@code <name>}, when there is no {@code @}); after {@code npm:}, a
 *       digit or one of {@code ^~<>=*} starts Yarn's {@code npm:<range>}, a range for the package under its own
 *       name (npm would read {@code npm:1.2.3} as an alias of a package named {@code 1.2.3});
 *   <li>anything else (a version, a range, a dist-tag such as {@code latest}, the empty string) is a registry spec.
 * </ul>
 *
 * @param source where the package comes from
 * @param alias the aliased package's name for an {@code npm:} alias, else empty
 * @param specStart where the version spec starts in the value
 * @param specEnd where it ends
 */
record PackageJsonSpec(Source source, String alias, int specStart, int specEnd) {

    private static final String ALIAS = "npm:";
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):.*", Pattern.DOTALL);
    private static final Pattern SCP_GIT = Pattern.compile("[^@]+@[^:.]+\\.[^:]+:.+", Pattern.DOTALL);
    private static final Pattern ARCHIVE = Pattern.compile("(?i).*\\.(tgz|tar\\.gz|tar)");
    private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:.*", Pattern.DOTALL);
    private static final Pattern NAME_PART = Pattern.compile("[A-Za-z0-9._~!*'()-]+");
    private static final Set<String> LOCAL_PROTOCOLS = Set.of("file", "link", "workspace", "portal", "patch", "exec");

    /** Why a value cannot be read, and where in it. */
    static final class Invalid extends Exception {

        private final int at;

        Invalid(int at, String message) {
            super(message);
            this.at = at;
        }

        /** The index in the value of the character at fault. */
        int at() {
            return at;
        }
    }

    /** Reads one dependency value. */
    static PackageJsonSpec of(String value) throws Invalid {
        if (value.regionMatches(true, 0, ALIAS, 0, ALIAS.length())) {
            return alias(value);
        }
        return new PackageJsonSpec(sourceOf(value), "", 0, value.length());
    }

    /** {@code npm:<name>}, {@code npm:<name>@<spec>}, or Yarn's {@code npm:<range>}. */
    private static PackageJsonSpec alias(String value) throws Invalid {
        int nameStart = ALIAS.length();
        String rest = value.substring(nameStart);
        if (rest.isEmpty() || "^~<>=*0123456789".indexOf(rest.charAt(0)) >= 0) {
            return new PackageJsonSpec(Source.REGISTRY, "", nameStart, value.length());
        }
        if (rest.regionMatches(true, 0, ALIAS, 0, ALIAS.length())) {
            throw new Invalid(nameStart, "npm: aliases cannot be nested");
        }
        int at = rest.indexOf('@', rest.startsWith("@") ? 1 : 0);
        String name = at > 0 ? rest.substring(0, at) : rest;
        if (!isValidName(name)) {
            throw new Invalid(nameStart, "npm: alias of an invalid package name '" + name + "'");
        }
        if (at < 0) {
            return new PackageJsonSpec(Source.REGISTRY, name, nameStart, nameStart);
        }
        int specStart = nameStart + at + 1;
        String spec = value.substring(specStart);
        if (spec.regionMatches(true, 0, ALIAS, 0, ALIAS.length())) {
            throw new Invalid(specStart, "npm: aliases cannot be nested");
        }
        if (sourceOf(spec) != Source.REGISTRY) {
            throw new Invalid(specStart, "an npm: alias must name a registry version, not '" + spec + "'");
        }
        return new PackageJsonSpec(Source.REGISTRY, name, specStart, value.length());
    }

    /** Where a value that is not an alias installs from. */
    private static Source sourceOf(String value) {
        if (value.startsWith(".") || value.startsWith("~/") || value.startsWith("/")
                || DRIVE.matcher(value).matches()) {
            return Source.LOCAL;
        }
        var scheme = SCHEME.matcher(value);
        if (scheme.matches()) {
            String protocol = scheme.group(1).toLowerCase(Locale.ROOT);
            if (protocol.equals("catalog")) {
                return Source.MANAGED;
            }
            return LOCAL_PROTOCOLS.contains(protocol) ? Source.LOCAL : Source.URL;
        }
        if (SCP_GIT.matcher(value).matches() || isGitHubShorthand(value)) {
            return Source.URL;
        }
        if (value.indexOf('/') >= 0 || ARCHIVE.matcher(value).matches()) {
            return Source.LOCAL;
        }
        return Source.REGISTRY;
    }

    /**
     * {@code user/repo} with an optional {@code #ref}, as hosted-git-info recognises it: before the first
     * {@code #} there is exactly one {@code /} (not first, not last), and no whitespace, {@code @} or {@code :};
     * it does not start with a dot.
     */
    private static boolean isGitHubShorthand(String value) {
        int hash = value.indexOf('#');
        String repo = hash >= 0 ? value.substring(0, hash) : value;
        int slash = repo.indexOf('/');
        return slash > 0 && slash == repo.lastIndexOf('/') && !repo.endsWith("/") && !repo.startsWith(".")
                && repo.chars().noneMatch(c -> c == '@' || c == ':' || Character.isWhitespace(c));
    }

    /**
     * A package name npm still accepts (validate-npm-package-name's rules for old packages): {@code name} or
     * {@code @scope/name}, each part made of characters that need no URL encoding; the whole name not starting
     * with {@code .}, {@code -} or {@code _}, a scoped name not starting with {@code .}; not {@code node_modules}
     * or {@code favicon.ico}.
     */
    static boolean isValidName(String name) {
        if (name.startsWith(".") || name.startsWith("-") || name.startsWith("_")
                || name.equalsIgnoreCase("node_modules") || name.equalsIgnoreCase("favicon.ico")) {
            return false;
        }
        if (name.startsWith("@")) {
            int slash = name.indexOf('/');
            return slash >= 2 && NAME_PART.matcher(name.substring(1, slash)).matches()
                    && NAME_PART.matcher(name.substring(slash + 1)).matches() && name.charAt(slash + 1) != '.';
        }
        return NAME_PART.matcher(name).matches();
    }
}
