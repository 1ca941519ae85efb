package dev.pinver.outdated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.manifest.Ecosystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReleasesTest {

    /** Answers after a pause, and records how many of its questions were in flight at once at most. */
    private static final class Slow implements ReleaseSource {
        final int concurrency;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();

        Slow(int concurrency) {
            this.concurrency = concurrency;
        }

        @Override
        public Answer releases(String name) {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            if (name.startsWith("bad")) {
                throw new IllegalStateException("boom");
            }
            return Answer.of(List.of(), Optional.of(name));
        }

        @Override
        public int concurrency() {
            return concurrency;
        }
    }

    @Test
    void eachEcosystemIsAskedAtItsSourcesConcurrency() {
        Slow npm = new Slow(2);
        Slow maven = new Slow(6);
        List<Releases.Key> keys = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            keys.add(new Releases.Key(Ecosystem.NPM, "pkg" + i));
            keys.add(new Releases.Key(Ecosystem.MAVEN, "g:a" + i));
        }
        keys.add(new Releases.Key(Ecosystem.PYPI, "nobody-asks"));
        keys.add(new Releases.Key(Ecosystem.NPM, "bad"));
        AtomicInteger progress = new AtomicInteger();
        Map<Releases.Key, ReleaseSource.Answer> answers = new Releases(Map.of(Ecosystem.NPM, npm, Ecosystem.MAVEN, maven))
                .fetch(keys, progress::incrementAndGet);

        assertEquals(keys.size(), answers.size());
        assertEquals(keys.size(), progress.get());
        assertEquals(Optional.of("g:a3"), answers.get(new Releases.Key(Ecosystem.MAVEN, "g:a3")).latestTag());
        assertEquals(Optional.of("no registry configured for pypi"), answers.get(new Releases.Key(Ecosystem.PYPI, "nobody-asks")).error());
        assertEquals(Optional.of("unexpected answer: IllegalStateException"), answers.get(new Releases.Key(Ecosystem.NPM, "bad")).error());
        assertEquals(2, npm.most.get(), "npm's questions at once");
        assertTrue(maven.most.get() > 2 && maven.most.get() <= 6, "Maven's questions at once: " + maven.most.get());
    }
}
