package dev.pinver.registry;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pinver.version.MavenVersion;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Complete {@link MavenVersions} of earlier runs, one file per question under {@code <cacheDir>/maven-answers/}:
 * a run that finds every artifact here answers without asking any repository, and without reading and
 * merging their metadata files again.
 *
 * <p>An answer is used while it is younger than the TTL and every metadata file it was read from (in the
 * local repository) still has the size and modification time it had: a Maven build that refreshed the
 * metadata ({@code mvn -U}) outdates it at once. The question, the artifact with the repositories it was
 * asked of (ids, URLs, whether releases and snapshots are read) and whether snapshots are listed, names the
 * file and is stored in it, so an answer never serves another question. Files are written whole or not at
 * all, and a damaged one counts as absent; failing to write only costs the next run the lookup.
 */
final class MavenAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(MavenAnswers.class);
    private static final byte[] HEADER = "pinver-maven-answer 1\n".getBytes(UTF_8);

    /** A metadata file as it was when the answer was read from it. */
    record Source(Path file, long size, long modifiedMillis) {

        static Source of(Path file) throws IOException {
            return new Source(file.toAbsolutePath(), Files.size(file), Files.getLastModifiedTime(file).toMillis());
        }

        boolean unchanged() {
            try {
                return Files.size(file) == size && Files.getLastModifiedTime(file).toMillis() == modifiedMillis;
            } catch (IOException e) {
                return false;
            }
        }
    }

    private final Path dir;
    private final Duration ttl;

    MavenAnswers(Path cacheDir, Duration ttl) {
        this.dir = cacheDir.resolve("maven-answers");
        this.ttl = ttl;
    }

    /** The stored answer to {@code question} when it is still good at {@code now}. */
    Optional<MavenVersions> read(String question, MavenCoordinates coordinates, Instant now) {
        Path file = file(question);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Optional<DataInputStream> payload = HttpCache.unsealed(HEADER, Files.readAllBytes(file));
            if (payload.isEmpty()) {
                return Optional.empty();
            }
            DataInputStream in = payload.get();
            Instant stored = Instant.ofEpochMilli(in.readLong());
            if (!Reduction.readString(in).equals(question) || stored.isAfter(now) || stored.plus(ttl).isBefore(now)) {
                return Optional.empty();
            }
            for (int i = Reduction.readCount(in); i > 0; i--) {
                if (!new Source(Path.of(Reduction.readString(in)), in.readLong(), in.readLong()).unchanged()) {
                    return Optional.empty();
                }
            }
            Optional<Instant> lastUpdated = Reduction.readOptionalInstant(in);
            List<MavenRelease> releases = Reduction.readList(in, release -> {
                String version = Reduction.readString(release);
                return new MavenRelease(version, MavenVersion.parse(version), Reduction.readString(release),
                        Reduction.readOptionalInstant(release));
            });
            return in.read() == -1 ? Optional.of(new MavenVersions(coordinates, releases, lastUpdated, List.of()))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.debug("ignoring unreadable Maven answer {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /** Keeps a complete answer to {@code question}, read at {@code now} from {@code sources}. */
    void write(String question, MavenVersions answer, List<Source> sources, Instant now) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(now.toEpochMilli());
            Reduction.writeString(out, question);
            out.writeInt(sources.size());
            for (Source source : sources) {
                Reduction.writeString(out, source.file().toString());
                out.writeLong(source.size());
                out.writeLong(source.modifiedMillis());
            }
            Reduction.writeOptionalInstant(out, answer.lastUpdated());
            out.writeInt(answer.releases().size());
            for (MavenRelease release : answer.releases()) {
                Reduction.writeString(out, release.version());
                Reduction.writeString(out, release.repository());
                Reduction.writeOptionalInstant(out, release.publishedNoLaterThan());
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        HttpCache.atomicWrite(file(question), HttpCache.sealed(HEADER, bytes.toByteArray()));
    }

    private Path file(String question) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(question.getBytes(UTF_8));
            return dir.resolve(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
