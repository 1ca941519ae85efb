package dev.pinver.registry;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Responses on disk, one file per URL and {@code Accept} header under {@code <cacheDir>/http/}, named by
 * the SHA-256 of both. A file is a header line, one line of JSON metadata (URL, Accept, content type,
 * validators, when it was stored, body length) and the body; it is written to a temporary file and
 * renamed into place, so a reader sees a whole entry or none. A file that does not check out (wrong
 * header, length or URL) counts as absent. Failing to write is logged and otherwise ignored: the cache
 * only saves work.
 */
final class HttpCache {

    private static final Logger LOG = LoggerFactory.getLogger(HttpCache.class);
    private static final String HEADER = "pinver-http-cache 1\n";
    private static final int MAX_METADATA = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One cached response; {@code url} is the request URL without credentials. */
    record Entry(String url, String accept, String contentType, Optional<String> etag, Optional<String> lastModified,
            Instant storedAt, byte[] body) {

        Entry refreshed(Instant now, Optional<String> newEtag, Optional<String> newLastModified) {
            return new Entry(url, accept, contentType, newEtag.or(() -> etag), newLastModified.or(() -> lastModified),
                    now, body);
        }
    }

    private final Path dir;
    private final long maxBodyBytes;

    HttpCache(Path cacheDir, long maxBodyBytes) {
        this.dir = cacheDir.resolve("http");
        this.maxBodyBytes = maxBodyBytes;
    }

    Optional<Entry> read(String url, String accept) {
        Path file = file(url, accept);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            byte[] header = HEADER.getBytes(UTF_8);
            if (!Arrays.equals(in.readNBytes(header.length), header)) {
                return Optional.empty();
            }
            Optional<String> line = line(in);
            if (line.isEmpty()) {
                return Optional.empty();
            }
            JsonNode meta = JSON.readTree(line.get());
            long length = meta.path("length").asLong(-1);
            if (!url.equals(meta.path("url").asText()) || !accept.equals(meta.path("accept").asText())
                    || length < 0 || length > maxBodyBytes) {
                return Optional.empty();
            }
            byte[] body = in.readNBytes((int) length);
            if (body.length != length || in.read() != -1) {
                return Optional.empty();
            }
            return Optional.of(new Entry(url, accept, meta.path("contentType").asText(""), text(meta, "etag"),
                    text(meta, "lastModified"), Instant.ofEpochMilli(meta.path("storedAt").asLong()), body));
        } catch (IOException | RuntimeException e) {
            LOG.debug("ignoring unreadable cache entry {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /** The metadata line, up to its newline; empty when it is missing or too long. */
    private static Optional<String> line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                return Optional.of(out.toString(UTF_8));
            }
            if (out.size() >= MAX_METADATA) {
                return Optional.empty();
            }
            out.write(b);
        }
        return Optional.empty();
    }

    void write(Entry entry) {
        Path file = file(entry.url(), entry.accept());
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            ObjectNode meta = JSON.createObjectNode()
                    .put("url", entry.url())
                    .put("accept", entry.accept())
                    .put("contentType", entry.contentType())
                    .put("storedAt", entry.storedAt().toEpochMilli())
                    .put("length", entry.body().length);
            entry.etag().ifPresent(v -> meta.put("etag", v));
            entry.lastModified().ifPresent(v -> meta.put("lastModified", v));
            temp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
            try (var out = Files.newOutputStream(temp)) {
                out.write(HEADER.getBytes(UTF_8));
                out.write(JSON.writeValueAsBytes(meta));
                out.write('\n');
                out.write(entry.body());
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            LOG.warn("cannot write the HTTP cache under {}: {}", dir, e.toString());
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

    private Path file(String url, String accept) {
        String key = sha256(url + "\n" + accept);
        return dir.resolve(key.substring(0, 2)).resolve(key);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Optional<String> text(JsonNode meta, String field) {
        JsonNode node = meta.get(field);
        return node == null || !node.isTextual() ? Optional.empty() : Optional.of(node.asText());
    }
}
