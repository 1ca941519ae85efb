package dev.pinver.outdated;

import dev.pinver.manifest.Manifest;
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
     * This source as the run's manifests adjust it: the package-index options of requirements files, for
     * PyPI. Itself by default.
     */
    default ReleaseSource configuredBy(List<Manifest> manifests) {
        return this;
    }

    /** {@link #concurrency()} unless a source says otherwise: four per processor, 8 to 32. */
    int PROCESSOR_BOUND = Math.max(8, Math.min(32, 4 * Runtime.getRuntime().availableProcessors()));

    /**
     * How many packages are asked about at once (the HTTP layer bounds each host further). By default
     * {@link #PROCESSOR_BOUND}: reading answers is work for the processor (tens of megabytes of npm
     * packuments are decrypted and parsed), so more threads only compete; on 2 processors, 8 at once
     * measured ~10% faster than 32 on the bench's 40 packuments. Sources whose questions mostly wait on
     * the network ask more at once.
     */
    default int concurrency() {
        return PROCESSOR_BOUND;
    }

    /**
     * A registry's answer for one package.
     *
     * @param releases every release it lists
     * @param latestTag the registry's own "latest" (npm's dist-tag), when it has one
     * @param error why there is no answer (not found, timeout, too large, malformed), already redacted
     * @param incomplete why some of the package's sources (an index, a repository) could not be read while others
     *     answered, already redacted: the releases may lack theirs
     */
    record Answer(List<Release> releases, Optional<String> latestTag, Optional<String> error, List<String> incomplete) {

        public Answer {
            releases = List.copyOf(releases);
            incomplete = List.copyOf(incomplete);
        }

        public static Answer of(List<Release> releases, Optional<String> latestTag) {
            return new Answer(releases, latestTag, Optional.empty(), List.of());
        }

        public static Answer failed(String error) {
            return new Answer(List.of(), Optional.empty(), Optional.of(error), List.of());
        }

        /** This answer, with the sources that could not be read. */
        public Answer incomplete(List<String> failures) {
            return new Answer(releases, latestTag, error, failures);
        }
    }
}
