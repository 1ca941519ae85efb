package dev.pinver.registry;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Stops the JDK HTTP clients' selector threads when the JVM exits. Each client keeps a thread blocked in
 * native code (the selector's wait), and HotSpot's exit waits about 300 ms for threads in native code
 * before it gives up on them; with the selectors stopped by a shutdown hook, a run that used the network
 * ends as quickly as one that did not.
 *
 * <p>Java 21 has {@code HttpClient.shutdownNow()} for this. Java 17 to 20 have no such method, so the
 * client's internal selector manager is shut down, which pinver's jar opens to itself (its manifest's
 * {@code Add-Opens}); where it is not open, nothing is done and the exit is only slower.
 */
final class HttpClientsAtExit {

    /** Weakly held: a client nobody uses any more stops its selector itself. */
    private static final Set<HttpClient> CLIENTS = Collections.newSetFromMap(new WeakHashMap<>());
    private static boolean hooked;

    private HttpClientsAtExit() {
    }

    /** Stops these clients when the JVM exits. */
    static synchronized void register(Collection<HttpClient> clients) {
        CLIENTS.addAll(clients);
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(HttpClientsAtExit::stopAll, "pinver-http-exit"));
        }
    }

    private static void stopAll() {
        List<HttpClient> clients;
        synchronized (HttpClientsAtExit.class) {
            clients = List.copyOf(CLIENTS);
        }
        clients.forEach(HttpClientsAtExit::stop);
    }

    /**
     * Closes the client's connections and ends its selector thread; requests still running fail.
     *
     * @return false when this JVM does not let pinver stop it
     */
    static boolean stop(HttpClient client) {
        try {
            HttpClient.class.getMethod("shutdownNow").invoke(client);
            return true;
        } catch (NoSuchMethodException e) {
            return stopSelector(client);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** Java 17 to 20: {@code HttpClientFacade.impl.selmgr.shutdown()}. */
    private static boolean stopSelector(HttpClient client) {
        try {
            Object implementation = field(client, "impl");
            Object selectorManager = field(implementation, "selmgr");
            Method shutdown = selectorManager.getClass().getDeclaredMethod("shutdown");
            shutdown.setAccessible(true);
            shutdown.invoke(selectorManager);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }
}
