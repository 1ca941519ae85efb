package dev.pinver.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.Reference;
import java.net.http.HttpClient;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The selector thread each JDK HTTP client starts ends when pinver stops the client. */
class HttpClientsAtExitTest {

    private static Set<Thread> selectorThreads() {
        Set<Thread> found = new HashSet<>();
        Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager"))
                .forEach(found::add);
        return found;
    }

    @Test
    void stoppingAClientEndsItsSelectorThread() throws InterruptedException {
        Set<Thread> before = selectorThreads();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        Set<Thread> started = selectorThreads();
        started.removeAll(before);
        assertEquals(1, started.size(), "the client's own selector thread: " + started);
        Thread selector = started.iterator().next();
        assertTrue(selector.isAlive());

        assertTrue(HttpClientsAtExit.stop(client), "the test JVM opens java.net.http as pinver's jar does");
        selector.join(10_000);
        assertFalse(selector.isAlive(), "the selector thread still runs after the client was stopped");
        Reference.reachabilityFence(client); // so the thread ended because of the stop, not because the client was collected
    }
}
