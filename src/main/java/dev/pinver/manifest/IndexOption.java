package dev.pinver.manifest;

/**
 * One package-index option line of a requirements file, such as {@code --extra-index-url https://…}:
 * pip applies it to the whole install, so pinver applies it to the PyPI registry it asks.
 *
 * @param value the URL as written, quotes removed (for {@code --find-links}, a path relative to the file
 *     made absolute when it exists, as pip does); empty for {@code --no-index}
 */
public record IndexOption(Kind kind, String value) {

    /** The index options a requirements file may carry. */
    public enum Kind {
        /** {@code -i}/{@code --index-url}: replaces the index list. */
        INDEX_URL,
        /** {@code --extra-index-url}: adds to it. */
        EXTRA_INDEX_URL,
        /** {@code --no-index}: no index at all, whatever follows. */
        NO_INDEX,
        /** {@code -f}/{@code --find-links}: a directory or HTML page of distribution files, indexes or not. */
        FIND_LINKS
    }
}
