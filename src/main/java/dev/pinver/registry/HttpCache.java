package dev.pinver.registry;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Responses on disk under {@code <cacheDir>/http/}, per URL and {@code Accept} header (named by the
 * SHA-256 of both, {@code KEY}):
 * <ul>
 *   <li>{@code KEY}: a header line and one line of JSON metadata (URL, Accept, content type, validators,
 *       when it was stored or last revalidated, body length, and the body's generation {@code GEN}, a
 *       random name given to each new body);
 *   <li>{@code KEY-GEN}: the body, unless the client keeps a reduction instead;
 *   <li>{@code KEY-GEN.NAME}: the body's {@link Reduction} {@code NAME}, when a client keeps one.
 * </ul>
 * Revalidation rewrites only the small metadata file; a new body gets a new generation, and the files of
 * older generations are removed, so a reduction can only ever describe the body it was made from. Every
 * file is written to a temporary file and renamed into place, so a reader sees a whole file or none. A
 * file that does not check out (wrong header, length, URL or checksum, or missing) counts as absent.
 * Failing to write is logged and otherwise ignored: the cache only saves work. The files sit in a
 * directory per key prefix ({@code KEY[0..2]/}), so that replacing a body, which looks for the older
 * generation's files, lists a few entries rather than the whole cache.
 */
final class HttpCache {

    private static final Logger LOG = LoggerFactory.getLogger(HttpCache.class);
    private static final byte[] HEADER = "pinver-http-cache 2\n".getBytes(UTF_8);
    private static final byte[] REDUCED_HEADER = "pinver-reduced 1\n".getBytes(UTF_8);
    private static final int MAX_METADATA = 64 * 1024;
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final Pattern GENERATION = Pattern.compile("[0-9a-f]{16}");

    /**
     * One cached response, without its body; {@code url} is the request URL without credentials.
     *
     * @param storedAt when the body was fetched or last confirmed unchanged by the server
     * @param length the body's length in bytes
     * @param generation the name of this body's files
     */
    record Entry(String url, String accept, String contentType, Optional<String> etag, Optional<String> lastModified,
            Instant storedAt, long length, String generation) {
    }

    private final Path dir;
    private final long maxBodyBytes;

    HttpCache(Path cacheDir, long maxBodyBytes) {
        this.dir = cacheDir.resolve("http");
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The metadata of the entry for {@code url} and {@code accept}, when there is a sound one. */
    Optional<Entry> read(String url, String accept) {
        Path file = metadataFile(url, accept);
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_METADATA) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length <= HEADER.length || !Arrays.equals(bytes, 0, HEADER.length, HEADER, 0, HEADER.length)
                    || bytes[bytes.length - 1] != '\n') {
                return Optional.empty();
            }
            Entry entry = JsonReading.read(Arrays.copyOfRange(bytes, HEADER.length, bytes.length), file.toString(),
                    HttpCache::metadata);
            boolean sound = entry.url().equals(url) && entry.accept().equals(accept) && entry.length() >= 0
                    && entry.length() <= maxBodyBytes && GENERATION.matcher(entry.generation()).matches();
            return sound ? Optional.of(entry) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.debug("ignoring unreadable cache entry {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    private static Entry metadata(JsonReading json) throws IOException {
        json.requireObject("the metadata");
        String url = null;
        String accept = null;
        String contentType = "";
        Optional<String> etag = Optional.empty();
        Optional<String> lastModified = Optional.empty();
        Instant storedAt = null;
        long length = -1;
        String generation = "";
        for (String field = json.nextField(); field != null; field = json.nextField()) {
            switch (field) {
                case "url" -> url = json.string(field);
                case "accept" -> accept = json.string(field);
                case "contentType" -> contentType = json.string(field);
                case "etag" -> etag = Optional.of(json.string(field));
                case "lastModified" -> lastModified = Optional.of(json.string(field));
                case "storedAt" -> storedAt = Instant.ofEpochMilli(json.longValue(field));
                case "length" -> length = json.longValue(field);
                case "body" -> generation = json.string(field);
                default -> json.skip();
            }
        }
        if (url == null || accept == null || storedAt == null) {
            throw json.malformed("incomplete metadata");
        }
        return new Entry(url, accept, contentType, etag, lastModified, storedAt, length, generation);
    }

    /** The entry's body, when its file is still there and whole. */
    Optional<byte[]> body(Entry entry) {
        Path file = bodyFile(entry);
        try {
            if (Files.size(file) != entry.length()) {
                return Optional.empty();
            }
            byte[] body = Files.readAllBytes(file);
            return body.length == entry.length() ? Optional.of(body) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.debug("ignoring unreadable cache body {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Stores a new answer under a new generation, with its body when {@code keepBody}, and removes older
     * generations.
     *
     * @return the new entry; empty when it could not be written
     */
    Optional<Entry> write(String url, String accept, String contentType, Optional<String> etag,
            Optional<String> lastModified, Instant storedAt, byte[] body, boolean keepBody) {
        String generation = String.format("%016x", ThreadLocalRandom.current().nextLong());
        Entry entry = new Entry(url, accept, contentType, etag, lastModified, storedAt, body.length, generation);
        Path metadata = metadataFile(url, accept);
        boolean replacing = Files.exists(metadata);
        if ((keepBody && !atomicWrite(bodyFile(entry), body)) || !atomicWrite(metadata, metadataBytes(entry))) {
            return Optional.empty();
        }
        if (replacing) {
            removeOtherGenerations(entry);
        }
        return Optional.of(entry);
    }

    /** The same body, confirmed unchanged at {@code now}, with the validators the server sent (else the old ones). */
    Entry refresh(Entry entry, Instant now, Optional<String> etag, Optional<String> lastModified) {
        Entry refreshed = new Entry(entry.url(), entry.accept(), entry.contentType(), etag.or(entry::etag),
                lastModified.or(entry::lastModified), now, entry.length(), entry.generation());
        atomicWrite(metadataFile(entry.url(), entry.accept()), metadataBytes(refreshed));
        return refreshed;
    }

    /** The value {@code reduction} stored for this entry's body, when there is a sound one. */
    <T> Optional<T> reduced(Entry entry, Reduction<T> reduction) {
        Path file = reducedFile(entry, reduction);
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > maxBodyBytes) {
                return Optional.empty();
            }
            Optional<DataInputStream> payload = unsealed(REDUCED_HEADER, Files.readAllBytes(file));
            if (payload.isEmpty()) {
                return Optional.empty();
            }
            T value = reduction.read(payload.get());
            return payload.get().read() == -1 ? Optional.of(value) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.debug("ignoring unreadable reduced cache entry {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /** Keeps {@code value}, the reduction of this entry's body. */
    <T> void storeReduced(Entry entry, Reduction<T> reduction, T value) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        try {
            reduction.write(value, new DataOutputStream(payload));
        } catch (IOException e) {
            LOG.warn("cannot encode {} for the cache: {}", reduction.name(), e.toString());
            return;
        }
        atomicWrite(reducedFile(entry, reduction), sealed(REDUCED_HEADER, payload.toByteArray()));
    }

    /** {@code header}, the CRC-32 of {@code payload}, then {@code payload}: a file whose damage {@link #unsealed} sees. */
    static byte[] sealed(byte[] header, byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(payload);
        ByteArrayOutputStream file = new ByteArrayOutputStream(header.length + Long.BYTES + payload.length);
        file.writeBytes(header);
        file.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(crc.getValue()).array());
        file.writeBytes(payload);
        return file.toByteArray();
    }

    /** The payload of a {@link #sealed} file; empty when the header or checksum does not match. */
    static Optional<DataInputStream> unsealed(byte[] header, byte[] file) {
        int start = header.length + Long.BYTES;
        if (file.length < start || !Arrays.equals(file, 0, header.length, header, 0, header.length)) {
            return Optional.empty();
        }
        CRC32 crc = new CRC32();
        crc.update(file, start, file.length - start);
        if (ByteBuffer.wrap(file, header.length, Long.BYTES).getLong() != crc.getValue()) {
            return Optional.empty();
        }
        return Optional.of(new DataInputStream(new ByteArrayInputStream(file, start, file.length - start)));
    }

    private static byte[] metadataBytes(Entry entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(HEADER);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("url", entry.url());
            json.writeStringField("accept", entry.accept());
            json.writeStringField("contentType", entry.contentType());
            if (entry.etag().isPresent()) {
                json.writeStringField("etag", entry.etag().get());
            }
            if (entry.lastModified().isPresent()) {
                json.writeStringField("lastModified", entry.lastModified().get());
            }
            json.writeNumberField("storedAt", entry.storedAt().toEpochMilli());
            json.writeNumberField("length", entry.length());
            json.writeStringField("body", entry.generation());
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** Writes {@code bytes} to a temporary file renamed into place; false (logged) when that fails. */
    static boolean atomicWrite(Path file, byte[] bytes) {
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            temp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
            Files.write(temp, bytes);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            return true;
        } catch (IOException e) {
            LOG.warn("cannot write the cache file {}: {}", file, e.toString());
            return false;
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.debug("cannot remove {}: {}", temp, e.toString());
                }
            }
        }
    }

    /**
     * Removes the body and reductions of generations other than {@code kept}'s and the one the metadata
     * names now (another process may have stored a newer body meanwhile).
     */
    private void removeOtherGenerations(Entry kept) {
        String key = key(kept.url(), kept.accept());
        String current = read(kept.url(), kept.accept()).map(Entry::generation).orElse(kept.generation());
        Path shard = metadataFile(kept.url(), kept.accept()).getParent();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(shard, key + "-*")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String rest = name.substring(key.length() + 1);
                int dot = rest.indexOf('.');
                String generation = dot < 0 ? rest : rest.substring(0, dot);
                if (!generation.equals(kept.generation()) && !generation.equals(current) && !name.endsWith(".tmp")) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot remove old cache generations in {}: {}", shard, e.toString());
        }
    }

    private Path metadataFile(String url, String accept) {
        String key = key(url, accept);
        return dir.resolve(key.substring(0, 2)).resolve(key);
    }

    private Path bodyFile(Entry entry) {
        Path metadata = metadataFile(entry.url(), entry.accept());
        return metadata.resolveSibling(metadata.getFileName() + "-" + entry.generation());
    }

    private Path reducedFile(Entry entry, Reduction<?> reduction) {
        Path body = bodyFile(entry);
        return body.resolveSibling(body.getFileName() + "." + reduction.name());
    }

    private static String key(String url, String accept) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest((url + "\n" + accept).getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
