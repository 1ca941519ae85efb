package dev.pinver.manifest;

import dev.pinver.Location;
import dev.pinver.PinverException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads a manifest's text: strict UTF-8, no binary files, failures as one-line errors with a location. */
public final class SourceText {

    private SourceText() {
    }

    public static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw PinverException.badInput(new Location(file, 1, 1), "no such file");
        } catch (IOException e) {
            throw PinverException.badInput(new Location(file, 1, 1), "cannot read: " + e.getMessage());
        }
        return decode(file, bytes);
    }

    static String decode(Path file, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw PinverException.badInput(at(file, bytes, i), "binary file (NUL byte), not a text manifest");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw PinverException.badInput(at(file, bytes, firstInvalidUtf8(bytes)), "invalid UTF-8");
        }
    }

    /** The location of byte {@code index}, counting columns in characters of the valid prefix. */
    private static Location at(Path file, byte[] bytes, int index) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < index; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return new Location(file, line, column);
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }
}
