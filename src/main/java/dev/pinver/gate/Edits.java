package dev.pinver.gate;

import dev.pinver.Location;
import dev.pinver.PinverException;
import dev.pinver.manifest.Dependency;
import dev.pinver.manifest.Edit;
import dev.pinver.manifest.ManifestEditor.FileEdits;
import dev.pinver.manifest.ManifestFinder;
import dev.pinver.manifest.ManifestReader;
import dev.pinver.manifest.PomFamilyReader;
import dev.pinver.manifest.SourceText;
import dev.pinver.manifest.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The manifest edits of one upgrade, computed against a checkout: given the checkout's root, the
 * {@link FileEdits} that {@link dev.pinver.manifest.ManifestEditor} checks and writes there. Computing them
 * in the checkout (not in the user's working tree, which may hold uncommitted changes) keeps every span
 * true to the text it is applied to; the editor still refuses an edit whose expected text is not found.
 */
@FunctionalInterface
public interface Edits {

    /** The edits to make in the checkout at {@code root}; throws {@link PinverException} when they cannot be made. */
    List<FileEdits> plan(Path root);

    /**
     * Edits computed by {@code edits} from the checkout root, each file read as it is in the checkout and
     * checked with the reader {@link ManifestFinder#readerFor} picks for its name.
     */
    static Edits of(Function<Path, List<Edit>> edits) {
        return root -> {
            Map<Path, List<Edit>> byFile = new LinkedHashMap<>();
            for (Edit edit : edits.apply(root)) {
                byFile.computeIfAbsent(edit.file(), f -> new ArrayList<>()).add(edit);
            }
            List<FileEdits> out = new ArrayList<>();
            byFile.forEach((file, list) -> out.add(
                    new FileEdits(file, SourceText.read(file), ManifestFinder.readerFor(file), list)));
            return out;
        };
    }

    /**
     * Edits given as positions: each {@link SpanEdit} names its manifest relative to the repository root,
     * so the same edits apply in whichever checkout they are planned for.
     */
    static Edits at(List<SpanEdit> edits) {
        List<SpanEdit> copy = List.copyOf(edits);
        return of(root -> copy.stream().map(e -> e.in(root)).toList());
    }

    /**
     * Sets the spec of every dependency named {@code packageName} (as the manifest's reader normalises
     * names) declared in {@code manifest} (relative to the repository root) to {@code newSpec}. A Maven
     * version held by a parent's property is edited in the parent, checked through this child; a property
     * shared by several dependencies is edited once.
     */
    static Edits setSpec(String manifest, String packageName, String newSpec) {
        return root -> {
            Path file = root.resolve(manifest).normalize();
            ManifestReader reader = ManifestFinder.readerFor(file);
            List<Dependency> named = reader.read(file, SourceText.read(file)).dependencies().stream()
                    .filter(d -> d.name().equals(packageName))
                    .toList();
            if (named.isEmpty()) {
                throw PinverException.badInput(new Location(Path.of(manifest), 1, 1),
                        "no dependency " + packageName + " to upgrade");
            }
            Map<Path, Set<Edit>> byFile = new LinkedHashMap<>();
            for (Dependency d : named) {
                byFile.computeIfAbsent(d.manifest(), f -> new LinkedHashSet<>()).add(Edit.of(d, newSpec));
            }
            List<FileEdits> out = new ArrayList<>();
            byFile.forEach((target, list) -> {
                ManifestReader own = ManifestFinder.readerFor(target);
                boolean elsewhere = !target.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize());
                out.add(new FileEdits(target, SourceText.read(target),
                        elsewhere ? new PomFamilyReader(own, Set.of(file)) : own, List.copyOf(list)));
            });
            return out;
        };
    }

    /** Every edit of {@code parts}, edits of the same file merged into one request. */
    static Edits all(List<Edits> parts) {
        List<Edits> copy = List.copyOf(parts);
        return root -> {
            Map<Path, FileEdits> byFile = new LinkedHashMap<>();
            for (Edits part : copy) {
                for (FileEdits request : part.plan(root)) {
                    byFile.merge(request.file(), request, (a, b) -> {
                        List<Edit> edits = new ArrayList<>(a.edits());
                        edits.addAll(b.edits());
                        return new FileEdits(a.file(), a.text(), a.reader(), edits);
                    });
                }
            }
            return List.copyOf(byFile.values());
        };
    }

    /**
     * One edit by position: replace {@code span} of {@code manifest} (relative to the repository root),
     * which must read {@code expected}, with {@code replacement}.
     */
    record SpanEdit(String manifest, Span span, String expected, String replacement) {

        Edit in(Path root) {
            return new Edit(root.resolve(manifest).normalize(), span, expected, replacement);
        }
    }
}
