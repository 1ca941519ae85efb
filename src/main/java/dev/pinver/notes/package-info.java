/**
 * Release notes: where to find them, a changelog's text cut into releases, the releases between two
 * versions, the lines a user upgrading must read, and the text made safe to print or to put in a pull
 * request. The offline half (parsing, slicing, flagging, rendering) takes text it is given; the
 * fetching half ({@link dev.pinver.notes.NotesService}, {@link dev.pinver.notes.NotesFinder}) reads it
 * from forges, registries and files.
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
 *
 * <p>Finding them:
 * <ul>
 * <li>{@link dev.pinver.notes.NotesService}: fills in the ecosystem, {@code from} (locked version, else
 *     the spec's lower bound) and {@code to} (the registry's newest), and summarises upgrades for
 *     {@code outdated --notes} ({@link dev.pinver.notes.NotesSummary}).
 * <li>{@link dev.pinver.notes.RegistryLinks}, {@link dev.pinver.notes.ProjectLinks},
 *     {@link dev.pinver.notes.RepositoryUrls}: PyPI {@code project_urls}, npm {@code repository},
 *     pom {@code <scm>} read into ranked {@link dev.pinver.notes.SourceRef}s.
 * <li>{@link dev.pinver.notes.NotesFinder}: probes the sources in order: changelog files and URLs,
 *     GitHub/GitLab releases (tags matched by {@link dev.pinver.notes.TagVersion}), changelog files in
 *     the repository, and at last a compare link; rate limits and the forge token are handled by a
 *     package-private transport over {@link dev.pinver.registry.Http#api}.
 * </ul>
 */
package dev.pinver.notes;
