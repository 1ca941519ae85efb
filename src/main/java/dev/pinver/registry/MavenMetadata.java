package dev.pinver.registry;

import dev.pinver.version.InvalidSpecException;
import dev.pinver.version.MavenVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.artifact.repository.metadata.Metadata;
import org.apache.maven.artifact.repository.metadata.Versioning;
import org.apache.maven.artifact.repository.metadata.io.xpp3.MetadataXpp3Reader;
import org.codehaus.plexus.util.xml.pull.MXParser;
import org.codehaus.plexus.util.xml.pull.XmlPullParser;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/**
 * What one repository's {@code maven-metadata.xml} says about an artifact, read with Maven's own metadata
 * reader and checked before use: the versions it lists and when it was last rewritten.
 *
 * @param versions the listed versions that can be Maven versions, read, in file order, without duplicates
 * @param lastUpdated {@code <versioning><lastUpdated>} (UTC, {@code yyyyMMddHHmmss}); empty when absent or unreadable
 */
record MavenMetadata(List<MavenVersion> versions, Optional<Instant> lastUpdated) {

    /** Far above the largest real artifact metadata (a few hundred kilobytes for thousands of versions). */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private static final DateTimeFormatter LAST_UPDATED = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    /** Metadata that cannot be used: the message says why, without the file's path. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Reads {@code file} as the metadata of {@code expected}.
     *
     * @throws Malformed when the file is too large, not well-formed XML, not a {@code <metadata>} document,
     *     or names another artifact
     */
    static MavenMetadata read(Path file, MavenCoordinates expected) throws Malformed, IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new Malformed("metadata of " + size + " bytes is larger than the limit of " + MAX_BYTES);
        }
        return parse(Files.readAllBytes(file), expected);
    }

    /**
     * Reads {@code bytes} as the metadata of {@code expected}.
     *
     * @throws Malformed when they are not well-formed XML, not a {@code <metadata>} document, or name another
     *     artifact
     */
    static MavenMetadata parse(byte[] bytes, MavenCoordinates expected) throws Malformed {
        Metadata metadata;
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            XmlPullParser parser = new MXParser();
            parser.setInput(in, null);
            int event = parser.getEventType();
            while (event != XmlPullParser.START_TAG && event != XmlPullParser.END_DOCUMENT) {
                event = parser.next();
            }
            if (event != XmlPullParser.START_TAG || !parser.getName().equals("metadata")) {
                throw new Malformed("not Maven metadata: the document's root is "
                        + (event == XmlPullParser.START_TAG ? "<" + parser.getName() + ">" : "missing"));
            }
            metadata = new MetadataXpp3Reader().read(parser, false);
        } catch (XmlPullParserException | IOException e) {
            // reading from memory, an IOException can only be the parser's: the document ended too early
            throw new Malformed("not well-formed metadata XML: " + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            // Maven's generated reader throws these for values of the wrong type
            throw new Malformed("unreadable metadata: " + firstLine(String.valueOf(e.getMessage())));
        }
        check("groupId", metadata.getGroupId(), expected.groupId());
        check("artifactId", metadata.getArtifactId(), expected.artifactId());
        Versioning versioning = metadata.getVersioning();
        if (versioning == null) {
            return new MavenMetadata(List.of(), Optional.empty());
        }
        Map<String, MavenVersion> versions = new LinkedHashMap<>();
        for (String listed : versioning.getVersions()) {
            String text = listed == null ? "" : listed.strip();
            if (!versions.containsKey(text)) {
                version(text).ifPresent(version -> versions.put(text, version));
            }
        }
        return new MavenMetadata(List.copyOf(versions.values()), timestamp(versioning.getLastUpdated()));
    }

    private static void check(String element, String value, String expected) throws Malformed {
        if (value != null && !value.isBlank() && !value.strip().equals(expected)) {
            throw new Malformed("metadata is for <" + element + "> '" + value.strip() + "', not '" + expected + "'");
        }
    }

    private static Optional<MavenVersion> version(String text) {
        try {
            return Optional.of(MavenVersion.parse(text));
        } catch (InvalidSpecException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> timestamp(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text.strip(), LAST_UPDATED).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end).strip();
    }
}
