package dev.pinver.notes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A changelog split into releases. Which headings are releases:
 * <ol>
 * <li>A heading names a version when {@link VersionTitle#parse} reads one from it.
 * <li>The <em>release level</em> is the heading level most version headings have (the higher level
 *     on a tie), so {@code ### Fixes} under {@code ## 0.46.0} stays inside its release.
 * <li>Version headings at or above the release level are releases; a deeper one is a release only
 *     when it is bare (nothing but version, brackets and date: node-semver's {@code ### [7.3.7](…) (2022-04-11)}),
 *     not pydantic's {@code ### v1.9.0 (2021-12-31) Changes}, which is part of 1.9.0.
 * <li>A release's section runs from its heading to the next release heading, the next heading above
 *     the release level, or the next "Unreleased" heading at the release level, whichever comes
 *     first. Other headings at the release level stay inside (fastapi 0.104.0 has {@code ## Features}).
 *     Trailing blank lines, and link definitions closing a Markdown file, belong to no release.
 * </ol>
 * The order of releases is not their order in the file: {@link #between} orders them by version.
 */
public final class Changelog {

    private final String text;
    private final boolean truncated;
    private final List<Release> releases;

    private Changelog(String text, boolean truncated, List<Release> releases) {
        this.text = text;
        this.truncated = truncated;
        this.releases = List.copyOf(releases);
    }

    /** Reads a changelog; text beyond {@link UntrustedText#MAX_BYTES} is cut first. */
    public static Changelog parse(String text, ChangelogFormat format) {
        UntrustedText.Bounded bounded = UntrustedText.bound(text);
        String source = bounded.text();
        Outline outline = format.outline(source);
        List<Outline.Heading> headings = outline.headings();
        List<Optional<VersionTitle>> titles = headings.stream().map(h -> VersionTitle.parse(h.title())).toList();
        int level = releaseLevel(headings, titles);
        int[] boundaries = boundaries(headings, titles, level, outline.end());
        List<Release> releases = new ArrayList<>();
        for (int i = 0; i < headings.size(); i++) {
            Outline.Heading h = headings.get(i);
            Optional<VersionTitle> title = titles.get(i);
            if (!isRelease(h, title, level)) {
                continue;
            }
            int end = trimEnd(source, h.end(), boundaries[i]);
            Optional<LocalDate> date = title.get().date().or(() -> dateParagraph(outline, h.end(), end));
            releases.add(new Release(title.get().version(), date, h.line(), source.substring(h.start(), end),
                    Release.flags(outline, h.start(), end), format));
        }
        return new Changelog(source, bounded.truncated(), releases);
    }

    /** The text the releases were cut from: the input, or its first {@link UntrustedText#MAX_BYTES} and a note. */
    public String text() {
        return text;
    }

    /** Whether the input was longer than {@link UntrustedText#MAX_BYTES} and was cut. */
    public boolean truncated() {
        return truncated;
    }

    /** Every release, in the order the changelog lists them. */
    public List<Release> releases() {
        return releases;
    }

    /**
     * The releases in the half-open interval ({@code from}, {@code to}], newest first; releases
     * with equal versions keep the changelog's order. {@code from} null means from the oldest,
     * {@code to} null up to the newest. Releases {@code order} cannot place are left out (see
     * {@link #unordered}). Throws {@link dev.pinver.version.InvalidSpecException} when {@code from}
     * or {@code to} is not a version in {@code order}.
     */
    public <K> List<Release> between(String from, String to, ReleaseOrder<K> order) {
        return between(releases, from, to, order);
    }

    /**
     * Like {@link #between(String, String, ReleaseOrder)}, for releases from anywhere (such as GitHub
     * release bodies); equal versions keep the order of {@code releases}.
     */
    public static <K> List<Release> between(List<Release> releases, String from, String to, ReleaseOrder<K> order) {
        K low = from == null ? null : order.require(from);
        K high = to == null ? null : order.require(to);
        List<Keyed<K>> in = new ArrayList<>();
        for (Release r : releases) {
            order.key(r.version()).ifPresent(k -> {
                if ((low == null || order.compare(k, low) > 0) && (high == null || order.compare(k, high) <= 0)) {
                    in.add(new Keyed<>(k, r));
                }
            });
        }
        Comparator<Keyed<K>> byVersion = (a, b) -> order.compare(a.key(), b.key());
        in.sort(byVersion.reversed());
        return in.stream().map(Keyed::release).toList();
    }

    /** The releases whose version {@code order} cannot parse, in changelog order. */
    public <K> List<Release> unordered(ReleaseOrder<K> order) {
        return releases.stream().filter(r -> order.key(r.version()).isEmpty()).toList();
    }

    /**
     * For each heading, where a section starting there ends: the start of the next release
     * heading, heading above the release level, or "Unreleased" heading at that level; else {@code end}.
     */
    private static int[] boundaries(List<Outline.Heading> headings, List<Optional<VersionTitle>> titles, int level,
            int end) {
        int[] out = new int[headings.size()];
        int next = end;
        for (int j = headings.size() - 1; j >= 0; j--) {
            out[j] = next;
            Outline.Heading h = headings.get(j);
            if (isRelease(h, titles.get(j), level) || h.level() < level
                    || (h.level() == level && VersionTitle.isUnreleased(h.title()))) {
                next = Math.min(end, h.start());
            }
        }
        return out;
    }

    /** {@code end} moved back over white space, but not into the heading. */
    private static int trimEnd(String source, int headingEnd, int end) {
        while (end > headingEnd && Character.isWhitespace(source.charAt(end - 1))) {
            end--;
        }
        return Math.max(end, headingEnd);
    }

    /** The level most version headings have; the higher level (smaller number) on a tie; 0 when none. */
    private static int releaseLevel(List<Outline.Heading> headings, List<Optional<VersionTitle>> titles) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int i = 0; i < headings.size(); i++) {
            if (titles.get(i).isPresent()) {
                counts.merge(headings.get(i).level(), 1, Integer::sum);
            }
        }
        int best = 0;
        int bestCount = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    private static boolean isRelease(Outline.Heading h, Optional<VersionTitle> title, int level) {
        return title.isPresent() && (h.level() <= level || title.get().bare());
    }

    /** A date written as the section's first paragraph (gson's {@code _2022-10-24_}). */
    private static Optional<LocalDate> dateParagraph(Outline outline, int from, int to) {
        int i = outline.firstBlockAfter(from - 1);
        if (i >= outline.blocks().size() || outline.blocks().get(i).start() >= to) {
            return Optional.empty();
        }
        return DateText.whole(outline.blocks().get(i).text());
    }

    private record Keyed<K>(K key, Release release) {
    }
}
