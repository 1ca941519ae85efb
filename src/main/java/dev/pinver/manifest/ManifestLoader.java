package dev.pinver.manifest;

import dev.pinver.Location;
import dev.pinver.PinverException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Reads a set of manifests and every file they include, each once, and reports circular and
 * missing includes at the line that names them. A file that cannot be read at all becomes a
 * {@link Problem}; the others are still read.
 */
public final class ManifestLoader {

    /**
     * Every manifest read, in the order the roots were given, then included files.
     *
     * @param constraintFiles the files read as pip constraints files (included with {@code -c})
     */
    public record Loaded(List<Manifest> manifests, List<Problem> problems, Set<Path> constraintFiles) {

        /** The reader that read {@code file}, to read it again after an edit. */
        public ManifestReader readerFor(Path file) {
            return constraintFiles.contains(file) ? RequirementsReader.forConstraints() : ManifestFinder.readerFor(file);
        }

        public List<Dependency> dependencies() {
            return manifests.stream().flatMap(m -> m.dependencies().stream()).toList();
        }

        /** Every problem: those found while reading manifests, then those of the include graph. */
        public List<Problem> allProblems() {
            List<Problem> all = new ArrayList<>();
            manifests.forEach(m -> all.addAll(m.problems()));
            all.addAll(problems);
            return all;
        }
    }

    private ManifestLoader() {
    }

    public static Loaded load(List<Path> roots) {
        Map<Path, Manifest> read = new ConcurrentHashMap<>();
        Map<Path, Problem> unreadable = new ConcurrentHashMap<>();
        Set<Path> constraints = ConcurrentHashMap.newKeySet();
        List<Path> wave = roots.stream().map(Path::normalize).distinct().toList();
        List<Path> order = new ArrayList<>(wave);
        while (!wave.isEmpty()) {
            wave.parallelStream().forEach(p -> readOne(p, constraints, read, unreadable));
            List<Manifest.Include> includes = wave.stream()
                    .map(read::get)
                    .filter(m -> m != null)
                    .flatMap(m -> m.includes().stream())
                    .toList();
            includes.stream().filter(Manifest.Include::constraint).forEach(i -> constraints.add(i.target().normalize()));
            List<Path> next = includes.stream()
                    .map(i -> i.target().normalize())
                    .filter(t -> !read.containsKey(t) && !unreadable.containsKey(t) && Files.isRegularFile(t))
                    .distinct()
                    .collect(Collectors.toList());
            order.addAll(next);
            wave = next;
        }
        Map<Path, Manifest> inOrder = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Path p : order) {
            if (read.containsKey(p)) {
                inOrder.put(p, read.get(p));
            } else if (unreadable.containsKey(p)) {
                problems.add(unreadable.get(p));
            }
        }
        problems.addAll(includeProblems(inOrder));
        return new Loaded(List.copyOf(inOrder.values()), problems, Set.copyOf(constraints));
    }

    private static void readOne(Path p, Set<Path> constraints, Map<Path, Manifest> read, Map<Path, Problem> unreadable) {
        ManifestReader reader = constraints.contains(p) ? RequirementsReader.forConstraints() : ManifestFinder.readerFor(p);
        try {
            read.put(p, reader.read(p, SourceText.read(p)));
        } catch (PinverException e) {
            Location at = e.location().orElse(new Location(p, 1, 1));
            unreadable.put(p, new Problem(at, e.getMessage()));
        }
    }

    /** Missing include targets and include cycles, each reported once at the include that names it. */
    private static List<Problem> includeProblems(Map<Path, Manifest> manifests) {
        List<Problem> problems = new ArrayList<>();
        for (Manifest m : manifests.values()) {
            for (Manifest.Include inc : m.includes()) {
                if (!Files.isRegularFile(inc.target())) {
                    problems.add(new Problem(at(m.path(), inc.span()), "included file not found: " + inc.target()));
                }
            }
        }
        List<Path> stack = new ArrayList<>();
        Map<Path, Boolean> done = new LinkedHashMap<>();
        for (Path p : manifests.keySet()) {
            findCycles(p, manifests, stack, done, problems);
        }
        return problems;
    }

    private static void findCycles(Path p, Map<Path, Manifest> manifests, List<Path> stack,
            Map<Path, Boolean> done, List<Problem> problems) {
        Manifest m = manifests.get(p);
        if (m == null || done.containsKey(p)) {
            return;
        }
        stack.add(p);
        for (Manifest.Include inc : m.includes()) {
            Path target = inc.target().normalize();
            int onStack = stack.indexOf(target);
            if (onStack >= 0) {
                List<Path> cycle = new ArrayList<>(stack.subList(onStack, stack.size()));
                cycle.add(target);
                String chain = cycle.stream().map(c -> c.getFileName().toString()).collect(Collectors.joining(" -> "));
                problems.add(new Problem(at(p, inc.span()), "circular include: " + chain));
            } else {
                findCycles(target, manifests, stack, done, problems);
            }
        }
        stack.remove(stack.size() - 1);
        done.put(p, true);
    }

    private static Location at(Path file, Span span) {
        return new Location(file, span.line(), span.column());
    }
}
