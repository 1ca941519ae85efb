package dev.pinver.pin;

/** What {@code pin} decides for one dependency that breaks its policy: a change, or why not. */
public sealed interface Outcome permits Change, Skipped {
}
