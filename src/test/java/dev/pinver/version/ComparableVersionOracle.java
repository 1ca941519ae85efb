package dev.pinver.version;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Maven 3's {@code org.apache.maven.artifact.versioning.ComparableVersion}, loaded at test time from
 * the maven-artifact jar of the Maven installation running the build (never a project dependency).
 * The installation is {@code -Dpinver.mavenHome=...}, else {@code $MAVEN_HOME}/{@code $M2_HOME},
 * else the directory above the real path of {@code mvn} on the {@code PATH}. {@link #load()} skips
 * the calling test with a visible message when no jar is found.
 */
final class ComparableVersionOracle implements AutoCloseable {

    private final URLClassLoader loader;
    private final Constructor<?> create;
    private final Method compareTo;
    private final Method canonical;
    private final Path jar;
    private final String mavenVersion;

    private ComparableVersionOracle(Path jar) throws ReflectiveOperationException, IOException {
        this.jar = jar;
        this.loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Class<?> type = loader.loadClass("org.apache.maven.artifact.versioning.ComparableVersion");
        this.create = type.getConstructor(String.class);
        this.compareTo = type.getMethod("compareTo", type);
        this.canonical = type.getMethod("getCanonical");
        Properties pom = new Properties();
        try (InputStream in = loader.getResourceAsStream("META-INF/maven/org.apache.maven/maven-artifact/pom.properties")) {
            if (in != null) {
                pom.load(in);
            }
        }
        this.mavenVersion = pom.getProperty("version", "unknown");
    }

    static ComparableVersionOracle load() {
        Optional<Path> jar = mavenHome().flatMap(ComparableVersionOracle::artifactJar);
        if (jar.isEmpty()) {
            String message = "no Maven installation with lib/maven-artifact-*.jar found (set -Dpinver.mavenHome=...);"
                    + " skipping ComparableVersion comparison";
            System.err.println("SKIPPED: " + message);
            assumeTrue(false, message);
        }
        try {
            return new ComparableVersionOracle(jar.get());
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException("cannot load ComparableVersion from " + jar.get(), e);
        }
    }

    private static Optional<Path> mavenHome() {
        for (String configured : new String[] {
            System.getProperty("pinver.mavenHome"), System.getenv("MAVEN_HOME"), System.getenv("M2_HOME")}) {
            if (configured != null && !configured.isBlank()) {
                return Optional.of(Path.of(configured));
            }
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path mvn = Path.of(dir, "mvn");
            if (Files.isExecutable(mvn)) {
                try {
                    Path bin = mvn.toRealPath().getParent();
                    return Optional.ofNullable(bin == null ? null : bin.getParent());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> artifactJar(Path home) {
        Path lib = home.resolve("lib");
        if (!Files.isDirectory(lib)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(p -> p.getFileName().toString().matches("maven-artifact-.*\\.jar")).sorted().findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version of maven-artifact the jar says it is, e.g. {@code 3.8.7}. */
    String mavenVersion() {
        return mavenVersion;
    }

    Path jar() {
        return jar;
    }

    int compare(String a, String b) {
        return Integer.signum((Integer) call(compareTo, of(a), of(b)));
    }

    boolean equal(String a, String b) {
        return of(a).equals(of(b));
    }

    int hash(String version) {
        return of(version).hashCode();
    }

    String canonical(String version) {
        return (String) call(canonical, of(version));
    }

    private Object of(String version) {
        try {
            return create.newInstance(version);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("ComparableVersion(" + version + ") failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object call(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(method.getName() + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }
}
