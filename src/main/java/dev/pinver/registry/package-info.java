/**
 * Registries: which releases of a package exist, with upload dates, yanked and deprecated flags and
 * project links. {@link dev.pinver.registry.Http} is the one HTTP layer (HTTPS, limits, retries, cache,
 * offline mode, proxies, private CAs, credentials that never show up in messages); on top of it
 * {@link dev.pinver.registry.PypiRegistry} reads PyPI's JSON API and simple indexes (HTML and JSON,
 * including {@code file://} ones) configured as pip configures them ({@link dev.pinver.registry.PipIndexes}),
 * and {@link dev.pinver.registry.NpmRegistry} reads npm packuments from the registry {@code .npmrc}
 * names ({@link dev.pinver.registry.NpmConfig}). Every failure is a
 * {@link dev.pinver.registry.RegistryException} for one URL.
 */
package dev.pinver.registry;
