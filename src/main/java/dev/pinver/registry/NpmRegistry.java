package dev.pinver.registry;

import java.util.regex.Pattern;

/**
 * Which versions of an npm package exist, from the registry {@link NpmConfig} names for it (the
 * package's scope registry, else {@code registry}), with the credentials configured for that registry.
 */
public final class NpmRegistry {

    /** The abbreviated packument when the registry has it, else the full one. */
    static final String ABBREVIATED = "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*";
    /** The full packument, which alone has publish dates ({@code time}). */
    static final String FULL = "application/json";

    /** A package name as npm registries serve them: URL-safe, optionally under one {@code @scope/}. */
    private static final Pattern NAME = Pattern.compile("(@[A-Za-z0-9._~!*'()-]+/)?[A-Za-z0-9._~!*'()-]+");

    private final Http http;
    private final NpmConfig config;

    public NpmRegistry(Http http, NpmConfig config) {
        this.http = http;
        this.config = config;
    }

    /**
     * The packument of {@code name}.
     *
     * @param withPublishDates fetch the full packument, which has each version's publish date; otherwise
     *     the much smaller abbreviated one, which has only {@code modified} (registries that do not serve
     *     it answer with the full one, whose dates are then used)
     * @throws RegistryException when the registry fails, has no such package or answers nonsense
     * @throws IllegalArgumentException when {@code name} is not a valid npm package name
     */
    public NpmPackage packument(String name, boolean withPublishDates) {
        if (!NAME.matcher(name).matches() || name.startsWith(".") || name.startsWith("_")) {
            throw new IllegalArgumentException("not a valid npm package name: " + name);
        }
        String url = config.registryFor(name) + name.replace("/", "%2f");
        return http.get(url, withPublishDates ? FULL : ABBREVIATED, config.credentialsFor(url), Packument.reduction(name));
    }
}
