package dev.pinver.registry;

import java.time.Instant;
import java.util.Optional;

/**
 * One distribution file as an index lists it, before files are merged into releases.
 *
 * @param version the version text from the file name or the JSON API's release key, not yet validated
 * @param filename the file's name
 * @param uploaded its upload time, when the index gives it
 * @param yanked whether it is yanked
 * @param yankedReason the reason, when yanked with one
 * @param requiresPython its {@code Requires-Python}, when given
 */
record IndexFile(String version, String filename, Optional<Instant> uploaded, boolean yanked,
        Optional<String> yankedReason, Optional<String> requiresPython) {
}
