package dev.pinver.manifest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Expands one npm {@code workspaces} pattern into the members it names, on the file system, the way
 * {@code @npmcli/map-workspaces} does with its glob library: backslashes read as {@code /}, only
 * directories match, and only those holding a {@code package.json} are members. {@code {a,b}}
 * alternatives are expanded first; within a path segment {@code *}, {@code ?} and {@code [...]} (negated
 * with {@code !} or {@code ^}) match as in a glob, never a name starting with a dot unless the segment
 * does; a {@code **} segment matches any number of directories, except dot directories, and a symbolic
 * link to a directory without entering it. Anything under a {@code node_modules} directory is ignored.
 * Not supported: extglobs such as {@code +(a|b)} and {@code {1..3}} sequences.
 */
final class PackageJsonWorkspaces {

    private static final String GLOB_CHARS = "*?[";
    private static final Pattern NODE_MODULES = Pattern.compile("(.*/)?node_modules(/.*)?");

    private PackageJsonWorkspaces() {
    }

    /**
     * The {@code package.json} files of the members that {@code pattern} (without any leading {@code !})
     * names under {@code root}, in the order of their directories' paths.
     */
    static List<Path> members(Path root, String pattern) {
        Set<Path> matched = new LinkedHashSet<>();
        for (String alternative : expandBraces(pattern.replace('\\', '/'))) {
            List<Path> directories = List.of(root);
            for (String segment : alternative.split("/")) {
                if (!segment.isEmpty()) {
                    List<Path> next = new ArrayList<>();
                    directories.forEach(directory -> expand(directory, segment, next));
                    directories = next.stream().distinct().toList();
                }
            }
            directories.forEach(directory -> matched.add(directory.normalize()));
        }
        List<Path> sorted = new ArrayList<>(matched);
        sorted.sort(null);
        List<Path> members = new ArrayList<>();
        for (Path directory : sorted) {
            Path manifest = directory.resolve("package.json");
            String relative = root.relativize(directory).normalize().toString().replace('\\', '/');
            if (!NODE_MODULES.matcher(relative).matches() && Files.isRegularFile(manifest)) {
                members.add(manifest);
            }
        }
        return members;
    }

    /**
     * The patterns a pattern's {@code {a,b}} alternatives stand for, expanded left to right and nested
     * ones included; braces without a comma between them are kept as written.
     */
    static List<String> expandBraces(String pattern) {
        for (int open = pattern.indexOf('{'); open >= 0; open = pattern.indexOf('{', open + 1)) {
            List<Integer> commas = new ArrayList<>();
            int depth = 0;
            for (int i = open + 1; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && depth > 0) {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    commas.add(i);
                } else if (c == '}') {
                    if (commas.isEmpty()) {
                        break;
                    }
                    commas.add(i);
                    List<String> expanded = new ArrayList<>();
                    int from = open + 1;
                    for (int end : commas) {
                        expanded.addAll(expandBraces(
                                pattern.substring(0, open) + pattern.substring(from, end) + pattern.substring(i + 1)));
                        from = end + 1;
                    }
                    return expanded;
                }
            }
        }
        return List.of(pattern);
    }

    /** Adds to {@code out} the directories that {@code segment} matches in {@code directory}. */
    private static void expand(Path directory, String segment, List<Path> out) {
        if (segment.equals("**")) {
            descendants(directory, out);
        } else if (segment.chars().noneMatch(c -> GLOB_CHARS.indexOf(c) >= 0)) {
            try {
                Path child = directory.resolve(segment);
                if (Files.isDirectory(child)) {
                    out.add(child);
                }
            } catch (InvalidPathException e) {
                // a name the file system cannot hold names no directory
            }
        } else {
            Pattern matcher = segmentPattern(segment);
            boolean dotAllowed = segment.startsWith(".");
            for (Path child : children(directory)) {
                String name = child.getFileName().toString();
                if ((dotAllowed || !name.startsWith(".")) && matcher.matcher(name).matches()
                        && Files.isDirectory(child)) {
                    out.add(child);
                }
            }
        }
    }

    /**
     * {@code directory} and every directory below it, except dot directories and node_modules; a symbolic
     * link to a directory is matched but not entered.
     */
    private static void descendants(Path directory, List<Path> out) {
        out.add(directory);
        for (Path child : children(directory)) {
            String name = child.getFileName().toString();
            if (name.startsWith(".") || name.equals("node_modules")) {
                continue;
            }
            if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                descendants(child, out);
            } else if (Files.isDirectory(child)) {
                out.add(child);
            }
        }
    }

    /** The regular expression for one glob segment; a {@code [} without its {@code ]} is literal. */
    static Pattern segmentPattern(String segment) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < segment.length()) {
            char c = segment.charAt(i);
            int classEnd = c == '[' ? classEnd(segment, i) : -1;
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (classEnd > 0) {
                regex.append(characterClass(segment.substring(i + 1, classEnd)));
                i = classEnd;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** The index of the {@code ]} closing the class opened at {@code open}, or -1; a {@code ]} first in it is a member. */
    private static int classEnd(String segment, int open) {
        int i = open + 1;
        if (i < segment.length() && (segment.charAt(i) == '!' || segment.charAt(i) == '^')) {
            i++;
        }
        return segment.indexOf(']', i + 1);
    }

    /**
     * The regex for the body of a glob class (between the brackets): its members and {@code a-z} ranges; a
     * reversed range ({@code z-a}) is dropped, and a class left with no member matches nothing, negated or not
     * (as minimatch has it).
     */
    private static String characterClass(String body) {
        boolean negated = body.startsWith("!") || body.startsWith("^");
        StringBuilder members = new StringBuilder();
        for (int i = negated ? 1 : 0; i < body.length(); i++) {
            char from = body.charAt(i);
            char to = from;
            if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
                to = body.charAt(i + 2);
                i += 2;
            }
            if (from <= to) {
                members.append(String.format("\\x{%x}-\\x{%x}", (int) from, (int) to));
            }
        }
        if (members.length() == 0) {
            return "(?!)";
        }
        return (negated ? "[^" : "[") + members + "]";
    }

    /** The entries of {@code directory} sorted by name; none when it cannot be listed. */
    private static List<Path> children(Path directory) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            entries.forEach(children::add);
        } catch (IOException e) {
            return List.of();
        }
        children.sort(null);
        return children;
    }
}
