package dev.pinver.registry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to open a {@link MavenRegistry}.
 *
 * @param settings Maven's settings (see {@link MavenSettings#load})
 * @param localRepository the local repository, overriding the settings' one; Maven's
 *     {@code ~/.m2/repository} when both are unset
 * @param repositories the pom's own {@code <repositories>}; Maven Central and the settings' active
 *     profile repositories are added by the registry
 * @param offline read only what the local repository already holds (also when the settings say offline)
 * @param allowInsecureHttp read plain {@code http://} repositories too (refused otherwise, as Maven 3.8.1+ does)
 * @param extraCaFile a PEM file of certificates trusted in addition to the platform's trust store
 * @param includeSnapshots list {@code -SNAPSHOT} versions too
 * @param refresh ask the repositories even when the answer cache holds a good answer (Maven's {@code -U})
 * @param parallelism how many artifacts are looked up at once
 * @param answerCache where complete answers are kept for later runs ({@link MavenAnswers}), and for how
 *     long; empty to ask the repositories every time
 */
public record MavenOptions(
        MavenSettings settings,
        Optional<Path> localRepository,
        List<MavenRepository> repositories,
        boolean offline,
        boolean allowInsecureHttp,
        Optional<Path> extraCaFile,
        boolean includeSnapshots,
        boolean refresh,
        int parallelism,
        Optional<AnswerCache> answerCache) {

    /** Where {@link MavenAnswers} live and how long an answer is used. */
    public record AnswerCache(Path dir, Duration ttl) {
    }

    /** How many artifacts are looked up at once unless told otherwise. */
    public static final int DEFAULT_PARALLELISM = 16;

    public MavenOptions {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(localRepository, "localRepository");
        repositories = List.copyOf(repositories);
        Objects.requireNonNull(extraCaFile, "extraCaFile");
        Objects.requireNonNull(answerCache, "answerCache");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
    }

    /** These settings, their local repository, Maven Central and the settings' repositories only, releases only, online. */
    public static MavenOptions of(MavenSettings settings) {
        return new MavenOptions(settings, Optional.empty(), List.of(), false, false, Optional.empty(), false, false,
                DEFAULT_PARALLELISM, Optional.empty());
    }

    public MavenOptions withLocalRepository(Path path) {
        return new MavenOptions(settings, Optional.of(path), repositories, offline, allowInsecureHttp, extraCaFile, includeSnapshots,
                refresh, parallelism, answerCache);
    }

    public MavenOptions withRepositories(List<MavenRepository> pomRepositories) {
        return new MavenOptions(settings, localRepository, pomRepositories, offline, allowInsecureHttp, extraCaFile, includeSnapshots,
                refresh, parallelism, answerCache);
    }

    public MavenOptions withOffline(boolean value) {
        return new MavenOptions(settings, localRepository, repositories, value, allowInsecureHttp, extraCaFile, includeSnapshots,
                refresh, parallelism, answerCache);
    }

    public MavenOptions withAllowInsecureHttp(boolean value) {
        return new MavenOptions(settings, localRepository, repositories, offline, value, extraCaFile, includeSnapshots,
                refresh, parallelism, answerCache);
    }

    public MavenOptions withIncludeSnapshots(boolean value) {
        return new MavenOptions(settings, localRepository, repositories, offline, allowInsecureHttp, extraCaFile, value,
                refresh, parallelism, answerCache);
    }

    public MavenOptions withRefresh(boolean value) {
        return new MavenOptions(settings, localRepository, repositories, offline, allowInsecureHttp, extraCaFile, includeSnapshots,
                value, parallelism, answerCache);
    }

    public MavenOptions withParallelism(int value) {
        return new MavenOptions(settings, localRepository, repositories, offline, allowInsecureHttp, extraCaFile, includeSnapshots,
                refresh, value, answerCache);
    }

    /** Also trusts the certificates of this PEM file. */
    public MavenOptions withExtraCaFile(Path file) {
        return new MavenOptions(settings, localRepository, repositories, offline, allowInsecureHttp, Optional.of(file),
                includeSnapshots, refresh, parallelism, answerCache);
    }

    /** Keeps complete answers in {@code dir} for {@code ttl}. */
    public MavenOptions withAnswerCache(Path dir, Duration ttl) {
        return new MavenOptions(settings, localRepository, repositories, offline, allowInsecureHttp, extraCaFile, includeSnapshots,
                refresh, parallelism, Optional.of(new AnswerCache(dir, ttl)));
    }
}
