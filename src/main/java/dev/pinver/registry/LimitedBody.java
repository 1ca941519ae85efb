package dev.pinver.registry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A response body collected into memory up to a limit: it stops reading (and cancels the exchange) as
 * soon as more than {@code limit} bytes arrive, or at once when {@code Content-Length} announces more.
 * Bodies of statuses other than 200 are discarded. {@link #gunzip} decompresses under the same limit.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The body went past the limit; carried through the client's future and turned into {@code TOO_LARGE}. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }

    private final long limit;
    /** The body so far: sized by {@code Content-Length} when the server announces it, so it is copied once. */
    private byte[] bytes;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private int received;

    private LimitedBody(long limit, long announced) {
        this.limit = limit;
        this.bytes = new byte[announced >= 0 && announced <= limit ? (int) announced : 8192];
    }

    /** The handler for one exchange: a limited body for 200, nothing for anything else. */
    static HttpResponse.BodyHandler<byte[]> handler(long limit) {
        return info -> {
            if (info.statusCode() != 200) {
                return HttpResponse.BodySubscribers.replacing(new byte[0]);
            }
            long announced = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            LimitedBody body = new LimitedBody(limit, announced);
            if (announced > limit) {
                body.result.completeExceptionally(new TooLargeException(
                        "response of " + announced + " bytes exceeds the limit of " + limit + " bytes"));
            }
            return body;
        };
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            int length = buffer.remaining();
            if ((long) received + length > limit) {
                subscription.cancel();
                result.completeExceptionally(new TooLargeException(
                        "response exceeds the limit of " + limit + " bytes; stopped reading"));
                return;
            }
            if (received + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max(received + length, 2L * bytes.length)));
            }
            buffer.get(bytes, received, length);
            received += length;
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(received == bytes.length ? bytes : Arrays.copyOf(bytes, received));
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
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
                throw new TooLargeException(what + " exceeds the limit of " + limit + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
