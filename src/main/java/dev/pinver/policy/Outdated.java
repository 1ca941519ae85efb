package dev.pinver.policy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What can move for one dependency.
 *
 * @param resolved the lock file's version, else what a fresh install picks (the newest non-yanked
 *     release the spec admits)
 * @param latestInRange the newest release the spec admits that the policy would offer
 * @param latestCompatible the newest offered release inside the compatibility window of {@code resolved}
 * @param latest the newest offered release — stable unless the policy or the spec asks for pre-releases
 *     (npm: its {@code latest} tag, which may be lower)
 * @param update the size of the step from {@code resolved} to {@code latest}; empty when there is none
 * @param breaking whether that step crosses the window's edge
 * @param published when {@code latest} was published, when known
 * @param heldBack releases newer than {@code resolved} that {@code min-age} holds back, with when they become eligible
 * @param resolvedYanked the resolved version itself has been yanked
 */
public record Outdated(
        Optional<String> resolved,
        Optional<String> latestInRange,
        Optional<String> latestCompatible,
        Optional<String> latest,
        Optional<UpdateKind> update,
        boolean breaking,
        Optional<Instant> published,
        List<Held> heldBack,
        boolean resolvedYanked) {

    public Outdated {
        heldBack = List.copyOf(heldBack);
    }

    /** A release held back by {@code min-age} until {@code eligible}. */
    public record Held(String version, Instant eligible) {
    }
}
