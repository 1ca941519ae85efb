package dev.pinver.registry;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a client keeps of a response body, in a compact form that {@link Http} stores beside the cached
 * body: a later run whose cached answer is still good (fresh, offline, or confirmed by a 304) reads the
 * compact form instead of parsing the body again. An npm packument of 10 MB reduces to the few kilobytes
 * of versions, publish dates, deprecations and dist-tags that pinver uses.
 *
 * <p>The stored form belongs to one cached body: a new body (HTTP 200) gets its own, so it can never
 * describe a different answer. It is only an optimisation: when it is missing or does not decode, the
 * body is reduced again.
 *
 * @param <T> the reduced value
 */
interface Reduction<T> {

    /**
     * The stored form's name and version, e.g. {@code npm-packument.1}: part of a file name (letters,
     * digits, {@code .} and {@code -}), so a change to {@link #write} or {@link #read} needs a new name.
     */
    String name();

    /**
     * Reads a whole answer.
     *
     * @throws RegistryException when the body is not what the registry should send
     */
    T reduce(Http.Response response);

    /** Writes {@code value} so that {@link #read} gives it back. */
    void write(T value, DataOutput out) throws IOException;

    /**
     * Reads what {@link #write} wrote.
     *
     * @throws IOException (or any runtime exception) when the data is not a value of this form; the body
     *     is then reduced again
     */
    T read(DataInput in) throws IOException;

    /** The longest string {@link #readString} accepts, so that corrupt data cannot ask for a huge buffer. */
    int MAX_STRING_BYTES = 1 << 20;

    /** A string of any length (unlike {@link DataOutput#writeUTF}, which stops at 64 KiB). */
    static void writeString(DataOutput out, String text) throws IOException {
        byte[] bytes = text.getBytes(UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw new IOException("bad string length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, UTF_8);
    }

    static void writeOptionalString(DataOutput out, Optional<String> text) throws IOException {
        out.writeBoolean(text.isPresent());
        if (text.isPresent()) {
            writeString(out, text.get());
        }
    }

    static Optional<String> readOptionalString(DataInput in) throws IOException {
        return in.readBoolean() ? Optional.of(readString(in)) : Optional.empty();
    }

    static void writeOptionalInstant(DataOutput out, Optional<Instant> instant) throws IOException {
        out.writeBoolean(instant.isPresent());
        if (instant.isPresent()) {
            out.writeLong(instant.get().getEpochSecond());
            out.writeInt(instant.get().getNano());
        }
    }

    static Optional<Instant> readOptionalInstant(DataInput in) throws IOException {
        return in.readBoolean() ? Optional.of(Instant.ofEpochSecond(in.readLong(), in.readInt())) : Optional.empty();
    }

    /** Reads one element of a list; see {@link #readList}. */
    @FunctionalInterface
    interface ElementReader<E> {
        E read(DataInput in) throws IOException;
    }

    /**
     * A list written as its size ({@code writeInt}) and then each element; the count is checked by
     * {@link #readCount}, and the list does not grow ahead of the elements actually read.
     */
    static <E> List<E> readList(DataInput in, ElementReader<E> element) throws IOException {
        int count = readCount(in);
        List<E> list = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            list.add(element.read(in));
        }
        return list;
    }

    /** A count of items that follow, each taking at least one byte; rejects negative and absurd counts. */
    static int readCount(DataInput in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > MAX_STRING_BYTES) {
            throw new IOException("bad count " + count);
        }
        return count;
    }
}
