package dev.pinver.outdated;

import dev.pinver.policy.Release;
import java.util.List;
import java.util.Optional;

/** Where one ecosystem's releases come from: a registry client behind a registry-neutral face. */
public interface ReleaseSource {

    /**
     * Every release of one package, or the reason there is no answer. Implementations are called
     * concurrently for different packages and must be thread-safe.
     *
     * @param name the package's name as pinver normalises it ({@code group:artifact} for Maven)
     */
    Answer releases(String name);

    /**
     * A registry's answer for one package.
     *
     * @param releases every release it lists
     * @param latestTag the registry's own "latest" (npm's dist-tag), when it has one
     * @param error why there is no answer (not found, timeout, too large, malformed), already redacted
     */
    record Answer(List<Release> releases, Optional<String> latestTag, Optional<String> error) {

        public Answer {
            releases = List.copyOf(releases);
        }

        public static Answer of(List<Release> releases, Optional<String> latestTag) {
            return new Answer(releases, latestTag, Optional.empty());
        }

        public static Answer failed(String error) {
            return new Answer(List.of(), Optional.empty(), Optional.of(error));
        }
    }
}
