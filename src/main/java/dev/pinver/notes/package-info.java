/**
 * Release notes, offline: a changelog's text cut into releases, the releases between two versions,
 * the lines a user upgrading must read, and the text made safe to print or to put in a pull request.
 * Fetching notes (GitHub releases, changelog files, registry links) is not done here.
 *
 * <p>The way through:
 * <pre>{@code
 * Changelog log = Changelog.parse(text, ChangelogFormat.forFileName("CHANGELOG.md"));
 * List<Release> releases = log.between("0.45.0", "0.47.0", ReleaseOrder.of(new Pep440Scheme()));
 * NotesReport report = new NotesReport("fastapi", "pypi", Optional.of("0.45.0"), Optional.of("0.47.0"), url, releases);
 * NotesText.write(report, out, color);   // or NotesMarkdown, NotesJson
 * String body = PrBody.sanitise(NotesMarkdown.render(report), linkToFullNotes);
 * }</pre>
 *
 * <ul>
 * <li>{@link dev.pinver.notes.Changelog}: Markdown (commonmark-java with source spans) or
 *     reStructuredText; which headings are releases, where each section ends, and why.
 * <li>{@link dev.pinver.notes.VersionTitle}: what a heading says (version, date).
 * <li>{@link dev.pinver.notes.ReleaseOrder}: how versions order: lenient by default, or an
 *     ecosystem's {@link dev.pinver.version.VersionScheme}, or any comparator.
 * <li>{@link dev.pinver.notes.Flagger}: breaking changes, removals, security fixes, deprecations,
 *     with the false alarms it avoids.
 * <li>{@link dev.pinver.notes.UntrustedText} and {@link dev.pinver.notes.PrBody}: size bound,
 *     control characters and escape sequences, HTML, mentions and cross-references.
 * <li>{@link dev.pinver.notes.NotesText}, {@link dev.pinver.notes.NotesMarkdown},
 *     {@link dev.pinver.notes.NotesJson}: the three output forms of a {@link dev.pinver.notes.NotesReport}.
 * </ul>
 */
package dev.pinver.notes;
