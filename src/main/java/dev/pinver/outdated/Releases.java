package dev.pinver.outdated;

import dev.pinver.PinverException;
import dev.pinver.manifest.Ecosystem;
import dev.pinver.manifest.Manifest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Asks the registries about many packages at once; a failing package is an error answer, never an exception. */
public final class Releases {

    /**
     * One package in one ecosystem. Its equality is written out: a record's generated one is linked on first
     * use (~4 ms), and keys are first hashed just before the registries are asked.
     */
    public record Key(Ecosystem ecosystem, String name) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && ecosystem == that.ecosystem && name.equals(that.name);
        }

        @Override
        public int hashCode() {
            return 31 * ecosystem.hashCode() + name.hashCode();
        }
    }

    private final Map<Ecosystem, ReleaseSource> sources;

    /** @param sources the registry of each ecosystem; an ecosystem without one answers with an error per package */
    public Releases(Map<Ecosystem, ReleaseSource> sources) {
        this.sources = Map.copyOf(sources);
    }

    /** These registries as the run's manifests adjust them ({@link ReleaseSource#configuredBy}). */
    public Releases configuredBy(List<Manifest> manifests) {
        Map<Ecosystem, ReleaseSource> adjusted = new EnumMap<>(Ecosystem.class);
        sources.forEach((ecosystem, source) -> adjusted.put(ecosystem, source.configuredBy(manifests)));
        return new Releases(adjusted);
    }

    /**
     * Questions in flight: each package's answer to come, asked on one thread pool per ecosystem, of its
     * source's {@link ReleaseSource#concurrency()}. Closing stops the pools.
     */
    public static final class Asking implements AutoCloseable {
        private final Map<Key, CompletableFuture<ReleaseSource.Answer>> answers = new LinkedHashMap<>();
        private final List<ExecutorService> pools = new ArrayList<>();

        /** Each package's answer to come, in the order asked. */
        public Map<Key, CompletableFuture<ReleaseSource.Answer>> answers() {
            return answers;
        }

        @Override
        public void close() {
            pools.forEach(ExecutorService::shutdownNow);
        }
    }

    /** Asks about every package in the background; close the result when done with it. */
    public Asking ask(Collection<Key> keys) {
        Asking asking = new Asking();
        Map<Ecosystem, ExecutorService> pools = new EnumMap<>(Ecosystem.class);
        for (Key key : keys) {
            ExecutorService pool = pools.computeIfAbsent(key.ecosystem(), ecosystem -> {
                long packages = keys.stream().filter(k -> k.ecosystem() == ecosystem).count();
                int threads = (int) Math.max(1, Math.min(packages, concurrency(ecosystem)));
                ExecutorService made = Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "pinver-registry");
                    t.setDaemon(true);
                    return t;
                });
                asking.pools.add(made);
                return made;
            });
            asking.answers.put(key, CompletableFuture.supplyAsync(() -> answer(key), pool));
        }
        return asking;
    }

    private int concurrency(Ecosystem ecosystem) {
        ReleaseSource source = sources.get(ecosystem);
        return source == null ? 1 : source.concurrency();
    }

    /** Every package's answer; {@code progress} runs once per package answered. */
    public Map<Key, ReleaseSource.Answer> fetch(Collection<Key> keys, Runnable progress) {
        Map<Key, ReleaseSource.Answer> answers = new ConcurrentHashMap<>();
        try (Asking asking = ask(keys)) {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            asking.answers().forEach((key, answer) -> all.add(answer.thenAccept(a -> {
                answers.put(key, a);
                progress.run();
            })));
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        }
        return answers;
    }

    /** One package's answer, asked on the calling thread; a failure is an error answer. */
    private ReleaseSource.Answer answer(Key key) {
        ReleaseSource source = sources.get(key.ecosystem());
        if (source == null) {
            return ReleaseSource.Answer.failed("no registry configured for " + key.ecosystem().id());
        }
        try {
            return source.releases(key.name());
        } catch (PinverException e) {
            return ReleaseSource.Answer.failed(e.getMessage());
        } catch (RuntimeException e) {
            return ReleaseSource.Answer.failed("unexpected answer: " + e.getClass().getSimpleName());
        }
    }
}
