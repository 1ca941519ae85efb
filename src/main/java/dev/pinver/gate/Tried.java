package dev.pinver.gate;

/** One version a gate ran the tests with, and how that run ended. */
public record Tried(String version, Result result) {
}
