package dev.pinver.registry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Bodies read into memory up to a limit: reading stops as soon as more than the limit arrives.
 * {@link #gunzip} decompresses under the same limit.
 */
final class LimitedBody {

    /** The body went past the limit; becomes {@code TOO_LARGE}. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }

    private LimitedBody() {
    }

    /**
     * Decompresses a gzip body, refusing to produce more than {@code limit} bytes.
     *
     * @throws TooLargeException past the limit
     * @throws ZipException when {@code compressed} is not valid gzip
     */
    static byte[] gunzip(byte[] compressed, long limit) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return readLimited(in, limit, "decompressed response");
        }
    }

    /** All of {@code in}, refusing more than {@code limit} bytes. */
    static byte[] readLimited(InputStream in, long limit, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > limit) {
                throw new TooLargeException(what + " exceeds the limit of " + limit + " bytes; stopped reading");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * All of {@code in}, which announced {@code length} bytes ({@code -1}: unknown), refusing more than
     * {@code limit}: a known length is read straight into an array of that size.
     *
     * @throws EOFException when the body ends before its announced length
     * @throws TooLargeException past the limit
     */
    static byte[] readLimited(InputStream in, long length, long limit, String what) throws IOException {
        if (length < 0) {
            return readLimited(in, limit, what);
        }
        if (length > limit) {
            throw new TooLargeException(what + " of " + length + " bytes exceeds the limit of " + limit + " bytes");
        }
        // straight into the final array: InputStream.readNBytes(int) would gather 8 KiB pieces and copy them
        byte[] body = new byte[(int) length];
        int read = in.readNBytes(body, 0, body.length);
        if (read < length) {
            throw new EOFException(what + " ended after " + read + " of " + length + " bytes");
        }
        return body;
    }
}
