package dev.pinver.registry;

import java.util.List;
import java.util.Optional;

/**
 * A repository the registry reads, after settings.xml applied: mirrors replaced the repositories they
 * match (several repositories behind one mirror become one entry), credentials and a proxy were attached.
 *
 * @param id the id requests are made under (the mirror's id for a mirror)
 * @param url where requests go, with any user-info removed
 * @param mirrorOf the ids of the declared repositories this mirror stands for; empty when not a mirror
 * @param authenticated true when settings.xml gives credentials for {@code id}
 * @param proxy the proxy as {@code host:port}, when one applies to this repository
 * @param refused why this repository is not read (plain {@code http://} without the flag, a blocked
 *     mirror, no URL, an unsupported protocol); empty when it is read
 */
public record MavenEffectiveRepository(
        String id,
        String url,
        List<String> mirrorOf,
        boolean authenticated,
        Optional<String> proxy,
        Optional<String> refused) {

    public MavenEffectiveRepository {
        mirrorOf = List.copyOf(mirrorOf);
    }
}
