package dev.pinver.outdated;

import dev.pinver.PinverException;
import dev.pinver.manifest.Ecosystem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Asks the registries about many packages at once; a failing package is an error answer, never an exception. */
public final class Releases {

    /** One package in one ecosystem. */
    public record Key(Ecosystem ecosystem, String name) {
    }

    private final Map<Ecosystem, ReleaseSource> sources;
    private final int concurrency;

    /**
     * @param sources the registry of each ecosystem; an ecosystem without one answers with an error per package
     * @param concurrency how many packages are asked about at once (the HTTP layer bounds each host further)
     */
    public Releases(Map<Ecosystem, ReleaseSource> sources, int concurrency) {
        this.sources = Map.copyOf(sources);
        this.concurrency = concurrency;
    }

    /** Every package's answer; {@code progress} runs once per package answered. */
    public Map<Key, ReleaseSource.Answer> fetch(Collection<Key> keys, Runnable progress) {
        Map<Key, ReleaseSource.Answer> answers = new ConcurrentHashMap<>();
        if (keys.isEmpty()) {
            return answers;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, keys.size())), r -> {
            Thread t = new Thread(r, "pinver-registry");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (Key key : keys) {
                all.add(CompletableFuture.runAsync(() -> {
                    answers.put(key, answer(key));
                    progress.run();
                }, pool));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdownNow();
        }
        return answers;
    }

    /** One package's answer, asked now on the calling thread; a failure is an error answer. */
    public ReleaseSource.Answer answer(Key key) {
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
