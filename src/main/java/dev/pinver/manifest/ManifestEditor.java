package dev.pinver.manifest;

import dev.pinver.Location;
import dev.pinver.PinverException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies {@link Edit}s to manifests of any format, in two steps. {@link #plan} splices the edits into
 * the text in memory and proves the result with the file's own {@link ManifestReader}: the same
 * dependencies in the same order, the edited specs reading exactly as their replacements, every other
 * spec unchanged, no new problems. {@link #write} then replaces the files atomically, only if they
 * still hold the text the plans were made from. Every refusal is a {@link PinverException} of kind
 * {@code BAD_INPUT} with the place it concerns; a refused file is left as it was.
 *
 * <p>An edit changes every dependency whose spec sits at its span: for a Maven property used by several
 * dependencies, all of them.
 */
public final class ManifestEditor {

    private static final int QUOTE_LIMIT = 60;

    private ManifestEditor() {
    }

    /**
     * The edits for one file, with the text they were computed from (as {@link SourceText#read} loaded it)
     * and the reader of the file's format.
     */
    public record FileEdits(Path file, String text, ManifestReader reader, List<Edit> edits) {

        public FileEdits {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(reader, "reader");
            edits = List.copyOf(edits);
            for (Edit edit : edits) {
                if (!edit.file().equals(file)) {
                    throw new IllegalArgumentException("an edit of " + edit.file() + " among the edits of " + file);
                }
            }
        }
    }

    /**
     * One file's checked change: {@code after} is {@code before} with the edits spliced in, proven by
     * re-reading. Only {@link #plan} makes one, so every plan that can be written has been checked.
     */
    public static final class Plan {

        private final Path file;
        private final String before;
        private final String after;

        private Plan(Path file, String before, String after) {
            this.file = file;
            this.before = before;
            this.after = after;
        }

        public Path file() {
            return file;
        }

        /** The text the edits were planned from, which the file must still hold when written. */
        public String before() {
            return before;
        }

        /** The edited text. */
        public String after() {
            return after;
        }

        /** False when the edits leave the text as it was; such a plan writes nothing. */
        public boolean changes() {
            return !before.equals(after);
        }
    }

    /** The plans for several files, and the refusals; nothing of it is written unless there are no refusals. */
    public static final class Batch {

        private final List<Plan> plans;
        private final List<PinverException> refusals;

        private Batch(List<Plan> plans, List<PinverException> refusals) {
            this.plans = List.copyOf(plans);
            this.refusals = List.copyOf(refusals);
        }

        /** The files that planned cleanly, in the order they were given. */
        public List<Plan> plans() {
            return plans;
        }

        /** Why the other files were refused, in the order they were given. */
        public List<PinverException> refusals() {
            return refusals;
        }

        public boolean ok() {
            return refusals.isEmpty();
        }
    }

    /** Splices and checks one file's edits; throws the refusal when they cannot be applied as asked. */
    public static Plan plan(FileEdits request) {
        String text = request.text();
        List<Edit> edits = new ArrayList<>(request.edits());
        edits.sort(Comparator.comparingInt((Edit e) -> e.span().start()).thenComparingInt(e -> e.span().end()));
        for (Edit edit : edits) {
            String found = text.substring(Math.min(edit.span().start(), text.length()),
                    Math.min(edit.span().end(), text.length()));
            if (!found.equals(edit.expected())) {
                throw refuse(edit.location(), "changed since it was read: expected " + quote(edit.expected())
                        + ", found " + quote(found));
            }
        }
        for (int i = 1; i < edits.size(); i++) {
            Span previous = edits.get(i - 1).span();
            Span next = edits.get(i).span();
            if (next.start() < previous.end() || next.start() == previous.start()) {
                throw refuse(edits.get(i).location(), "overlaps the edit at " + previous.line() + ":"
                        + previous.column() + "; edits of one file must not overlap");
            }
        }
        if (edits.isEmpty()) {
            return new Plan(request.file(), text, text);
        }
        Manifest before = own(request.reader().read(request.file(), text), request.file());
        Map<Range, Edit> byRange = targets(before, edits);
        StringBuilder spliced = new StringBuilder(text);
        for (int i = edits.size() - 1; i >= 0; i--) {
            Edit edit = edits.get(i);
            spliced.replace(edit.span().start(), edit.span().end(), edit.replacement());
        }
        String after = spliced.toString();
        requireWellFormed(request.file(), after);
        verify(before, own(request.reader().read(request.file(), after), request.file()), byRange);
        return new Plan(request.file(), text, after);
    }

    /** Plans every file, collecting the refusals instead of stopping at the first. */
    public static Batch planAll(List<FileEdits> requests) {
        List<Plan> plans = new ArrayList<>();
        List<PinverException> refusals = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (FileEdits request : requests) {
            try {
                if (!seen.add(request.file().toAbsolutePath().normalize())) {
                    throw refuse(new Location(request.file(), 1, 1), "edits for this file were given twice");
                }
                plans.add(plan(request));
            } catch (PinverException refusal) {
                refusals.add(refusal);
            }
        }
        return new Batch(plans, refusals);
    }

    /** Writes one plan; see {@link #write(Batch)}. */
    public static void write(Plan plan) {
        write(new Batch(List.of(plan), List.of()));
    }

    /**
     * Replaces every changed file of {@code batch} atomically, keeping its permissions. Throws the first
     * refusal, writing nothing, when any file was refused at planning. Every file is prepared and checked
     * against its planned-from text before the first one is replaced, so a file that is read-only or changed
     * on disk stops the whole batch with nothing written.
     */
    public static void write(Batch batch) {
        if (!batch.ok()) {
            throw batch.refusals().get(0);
        }
        AtomicWrite.replaceAll(batch.plans().stream().filter(Plan::changes).toList());
    }

    /**
     * The manifest with only the dependencies whose spec is in {@code file}: a pom also reports
     * dependencies whose version comes from a parent's property, and those spans are in the parent.
     */
    private static Manifest own(Manifest read, Path file) {
        Path self = file.toAbsolutePath().normalize();
        List<Dependency> mine = read.dependencies().stream()
                .filter(d -> d.manifest().toAbsolutePath().normalize().equals(self))
                .toList();
        return new Manifest(read.path(), mine, read.includes(), read.problems());
    }

    /** The dependency span each edit targets; refuses an edit that is not at a dependency's spec. */
    private static Map<Range, Edit> targets(Manifest before, List<Edit> edits) {
        Set<Range> specs = new HashSet<>();
        for (Dependency dependency : before.dependencies()) {
            specs.add(Range.of(dependency.span()));
        }
        Map<Range, Edit> byRange = new HashMap<>();
        for (Edit edit : edits) {
            if (!specs.contains(Range.of(edit.span()))) {
                throw refuse(edit.location(), quote(edit.expected()) + " is not the version spec of a dependency;"
                        + " only version specs are edited");
            }
            byRange.put(Range.of(edit.span()), edit);
        }
        return byRange;
    }

    private static void verify(Manifest before, Manifest after, Map<Range, Edit> byRange) {
        List<String> known = new ArrayList<>(before.problems().stream().map(Problem::message).toList());
        for (Problem problem : after.problems()) {
            if (!known.remove(problem.message())) {
                throw refuse(problem.location(), "after the edit the file would not read cleanly: " + problem.message());
            }
        }
        List<Dependency> was = before.dependencies();
        List<Dependency> now = after.dependencies();
        for (int i = 0; i < Math.max(was.size(), now.size()); i++) {
            Dependency then = i < was.size() ? was.get(i) : null;
            Dependency next = i < now.size() ? now.get(i) : null;
            if (then == null || next == null || !then.name().equals(next.name())
                    || !then.section().equals(next.section())) {
                throw refuse(locate(then != null ? then : next), "after the edit the file would declare "
                        + describe(next) + " where it declared " + describe(then));
            }
        }
        for (int i = 0; i < was.size(); i++) {
            Dependency then = was.get(i);
            String spec = now.get(i).spec();
            if (!byRange.containsKey(Range.of(then.span())) && !spec.equals(then.spec())) {
                throw refuse(locate(then), "the edit would also change " + then.name() + " from "
                        + quote(then.spec()) + " to " + quote(spec));
            }
        }
        for (int i = 0; i < was.size(); i++) {
            Edit edit = byRange.get(Range.of(was.get(i).span()));
            String spec = now.get(i).spec();
            if (edit != null && !spec.equals(edit.replacement())) {
                throw refuse(edit.location(), "after the edit " + was.get(i).name() + " would read as "
                        + quote(spec) + ", not " + quote(edit.replacement()));
            }
        }
    }

    /** Refuses text with an unpaired surrogate, which cannot be written as UTF-8. */
    private static void requireWellFormed(Path file, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                Span at = Span.of(text, i, i);
                throw refuse(new Location(file, at.line(), at.column()),
                        "after the edit the file would not be valid Unicode (unpaired surrogate)");
            }
        }
    }

    private static Location locate(Dependency dependency) {
        return new Location(dependency.manifest(), dependency.span().line(), dependency.span().column());
    }

    private static String describe(Dependency dependency) {
        return dependency == null ? "nothing" : dependency.name() + " (" + dependency.section() + ")";
    }

    /** {@code text} in single quotes, control characters escaped and long text shortened, for one-line messages. */
    static String quote(String text) {
        int[] codePoints = text.codePoints().toArray();
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < codePoints.length && i < QUOTE_LIMIT; i++) {
            int c = codePoints[i];
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        }
        return out.append(codePoints.length > QUOTE_LIMIT ? "…'" : "'").toString();
    }

    private static PinverException refuse(Location location, String message) {
        return new PinverException(PinverException.Kind.BAD_INPUT, location, message);
    }

    /** A span's offsets alone, so that spans compare without their line and column. */
    private record Range(int start, int end) {

        static Range of(Span span) {
            return new Range(span.start(), span.end());
        }
    }
}
