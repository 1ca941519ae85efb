package dev.pinver.manifest;

import dev.pinver.Location;
import dev.pinver.version.InvalidSpecException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads pip requirements files ({@code requirements*.txt}, constraints files, pip-compile {@code *.in})
 * the way pip reads them: {@code \} continuations are joined, comments ({@code #} at the start of a line
 * or after whitespace) removed, the requirement is the text before the first word starting with
 * {@code -}, and the rest are pip options.
 *
 * <ul>
 *   <li>A PEP 508 requirement becomes a {@link Source#REGISTRY} dependency whose spec is cut from the file
 *       exactly as written; {@code name @ url} is {@link Source#URL} ({@link Source#LOCAL} for {@code file:}).
 *   <li>A bare URL, archive or path ({@code git+https://…#egg=x}, {@code ./pkg}, {@code x-1.0-py3-none-any.whl})
 *       and an {@code -e}/{@code --editable} value are URL or LOCAL dependencies with an empty spec. Their name
 *       is the {@code #egg=} name, else the project name of a wheel file name, else the location as written
 *       (not normalised, since pip itself learns the name only by building it).
 *   <li>{@code -r}/{@code -c} become {@link Manifest.Include}s resolved against this file's directory;
 *       includes given as URLs are skipped, since pinver reads offline.
 *   <li>pip's global options are accepted and ignored; {@code --hash} marks the dependency as hashed;
 *       an unknown option, a malformed requirement or a malformed {@code --hash} is a {@link Problem}
 *       at the offending character, and reading goes on with the next line.
 *   <li>{@code ${NAME}} environment references are kept verbatim (pip expands them at install time).
 * </ul>
 *
 * <p>Sections: dependencies of a file read by {@link #RequirementsReader()} have the section
 * {@value #REQUIREMENTS}. A file pulled in with {@code -c} should be read by {@link #forConstraints()}: its
 * dependencies have the section {@value #CONSTRAINTS}, and pip's rules for constraints apply (no editables,
 * no unnamed requirements, no extras).
 */
public final class RequirementsReader implements ManifestReader {

    /** The section of the dependencies of a requirements file. */
    public static final String REQUIREMENTS = "requirements";
    /** The section of the dependencies of a constraints file (one included with {@code -c}). */
    public static final String CONSTRAINTS = "constraints";

    private static final Pattern NAMED_REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*[ \\t]*(\\[[^\\]]*\\])?[ \\t]*@.*");
    private static final Pattern PATH_EXTRAS = Pattern.compile("(.+)(\\[[^\\]]+\\])");
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Pattern REMOTE_FILE = Pattern.compile("(?i)(http|https|file):.*");
    private static final List<String> ARCHIVE_SUFFIXES = List.of(
            ".zip", ".whl", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tlz", ".tar.lz", ".tar.lzma", ".tar.gz", ".tgz", ".tar");
    private static final Set<String> PLAIN_URL_SCHEMES = Set.of("http", "https", "file", "ftp");
    private static final Set<String> VCS_SCHEMES = Set.of(
            "git", "git+http", "git+https", "git+ssh", "git+git", "git+file",
            "hg+file", "hg+http", "hg+https", "hg+ssh", "hg+static-http",
            "svn", "svn+ssh", "svn+http", "svn+https", "svn+svn", "svn+file",
            "bzr+http", "bzr+https", "bzr+ssh", "bzr+sftp", "bzr+ftp", "bzr+lp", "bzr+file");
    private static final Map<String, Integer> HASH_HEX_DIGITS = Map.of("sha256", 64, "sha384", 96, "sha512", 128);

    private final boolean constraints;

    /** A reader for requirements files and pip-compile inputs. */
    public RequirementsReader() {
        this(false);
    }

    private RequirementsReader(boolean constraints) {
        this.constraints = constraints;
    }

    /** A reader for files included with {@code -c}/{@code --constraint}. */
    public static RequirementsReader forConstraints() {
        return new RequirementsReader(true);
    }

    @Override
    public Manifest read(Path path, String text) {
        return new Reading(path, text, constraints).run();
    }

    /** What an option does on a requirements-file line. */
    private enum Effect { REQUIREMENT_FILE, CONSTRAINT_FILE, EDITABLE, HASH, REQUIREMENT_OPTION, INDEX, GLOBAL }

    /** One option pip accepts in requirements files; {@code shortName} is {@code 0} when it has none. */
    private record OptionSpec(char shortName, String longName, boolean takesValue, Effect effect) {
        String display() {
            return shortName != 0 ? "-" + shortName + "/" + longName : longName;
        }
    }

    private static final List<OptionSpec> OPTIONS = List.of(
            new OptionSpec('i', "--index-url", true, Effect.INDEX),
            new OptionSpec((char) 0, "--extra-index-url", true, Effect.INDEX),
            new OptionSpec((char) 0, "--no-index", false, Effect.INDEX),
            new OptionSpec('c', "--constraint", true, Effect.CONSTRAINT_FILE),
            new OptionSpec('r', "--requirement", true, Effect.REQUIREMENT_FILE),
            new OptionSpec('e', "--editable", true, Effect.EDITABLE),
            new OptionSpec('f', "--find-links", true, Effect.INDEX),
            new OptionSpec((char) 0, "--no-binary", true, Effect.GLOBAL),
            new OptionSpec((char) 0, "--only-binary", true, Effect.GLOBAL),
            new OptionSpec((char) 0, "--prefer-binary", false, Effect.GLOBAL),
            new OptionSpec((char) 0, "--require-hashes", false, Effect.GLOBAL),
            new OptionSpec((char) 0, "--pre", false, Effect.GLOBAL),
            new OptionSpec((char) 0, "--trusted-host", true, Effect.GLOBAL),
            new OptionSpec((char) 0, "--use-feature", true, Effect.GLOBAL),
            // accepted by older pip releases; still found in files
            new OptionSpec('Z', "--always-unzip", false, Effect.GLOBAL),
            new OptionSpec((char) 0, "--install-option", true, Effect.REQUIREMENT_OPTION),
            new OptionSpec((char) 0, "--global-option", true, Effect.REQUIREMENT_OPTION),
            new OptionSpec('C', "--config-settings", true, Effect.REQUIREMENT_OPTION),
            new OptionSpec((char) 0, "--hash", true, Effect.HASH));

    /**
     * One logical line: physical lines joined at {@code \} as pip joins them, with {@code origin[i]} the offset
     * in the file of {@code text.charAt(i)} and {@code origin[text.length()]} the end of the last physical line.
     */
    private record LogicalLine(String text, int[] origin) {

        static List<LogicalLine> split(String file) {
            List<LogicalLine> lines = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            int[] origin = new int[16];
            int pos = file.startsWith("\uFEFF") ? 1 : 0;
            while (true) {
                int end = pos;
                while (end < file.length() && file.charAt(end) != '\n' && file.charAt(end) != '\r') {
                    end++;
                }
                boolean comment = startsWithComment(file, pos, end);
                if (end > pos && file.charAt(end - 1) == '\\' && !comment) {
                    // pip strips backslashes from both ends of a continued line
                    int from = pos;
                    int to = end;
                    while (from < to && file.charAt(from) == '\\') {
                        from++;
                    }
                    while (to > from && file.charAt(to - 1) == '\\') {
                        to--;
                    }
                    origin = append(text, origin, file, from, to);
                } else {
                    if (comment && text.length() > 0) {
                        // pip puts a space before a comment line that ends a continuation, so it stays a comment
                        origin = grow(origin, text.length() + 1);
                        origin[text.length()] = pos;
                        text.append(' ');
                    }
                    origin = append(text, origin, file, pos, end);
                    lines.add(finish(text, origin, end));
                    text.setLength(0);
                }
                if (end == file.length()) {
                    break;
                }
                pos = end + (file.charAt(end) == '\r' && end + 1 < file.length() && file.charAt(end + 1) == '\n' ? 2 : 1);
            }
            if (text.length() > 0) {
                lines.add(finish(text, origin, file.length()));
            }
            return lines;
        }

        private static boolean startsWithComment(String file, int from, int to) {
            int i = from;
            while (i < to && isPythonSpace(file.charAt(i))) {
                i++;
            }
            return i < to && file.charAt(i) == '#';
        }

        private static int[] append(StringBuilder text, int[] origin, String file, int from, int to) {
            int[] grown = grow(origin, text.length() + (to - from) + 1);
            for (int i = from; i < to; i++) {
                grown[text.length()] = i;
                text.append(file.charAt(i));
            }
            return grown;
        }

        private static int[] grow(int[] origin, int size) {
            return size <= origin.length ? origin : Arrays.copyOf(origin, Math.max(size, origin.length * 2));
        }

        private static LogicalLine finish(StringBuilder text, int[] origin, int end) {
            int[] exact = Arrays.copyOf(origin, text.length() + 1);
            exact[text.length()] = end;
            return new LogicalLine(text.toString(), exact);
        }

        /** Where comments start (pip: {@code #} at the start or after whitespace), else the length. */
        int contentEnd() {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '#' && (i == 0 || isPythonSpace(text.charAt(i - 1)))) {
                    return i;
                }
            }
            return text.length();
        }
    }

    /** A shell word of the options part, {@code [start, end)} in the logical line, quotes included. */
    private record Word(int start, int end) {
    }

    /** One option as used on a line; {@code valueStart}/{@code valueEnd} are -1 for a flag. */
    private record OptionUse(OptionSpec spec, int start, int valueStart, int valueEnd) {
    }

    /** The state of reading one file. */
    private static final class Reading {
        private final Path path;
        private final String file;
        private final boolean constraints;
        private final TextLines lines;
        private final List<Dependency> dependencies = new ArrayList<>();
        private final List<Manifest.Include> includes = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();
        private final List<IndexOption> indexOptions = new ArrayList<>();

        Reading(Path path, String file, boolean constraints) {
            this.path = path;
            this.file = file;
            this.constraints = constraints;
            this.lines = TextLines.anyBreak(file);
        }

        Manifest run() {
            for (LogicalLine line : LogicalLine.split(file)) {
                readLine(line);
            }
            return new Manifest(path, dependencies, includes, problems, indexOptions);
        }

        private void readLine(LogicalLine line) {
            String text = line.text();
            int start = 0;
            int end = line.contentEnd();
            while (start < end && isPythonSpace(text.charAt(start))) {
                start++;
            }
            while (end > start && isPythonSpace(text.charAt(end - 1))) {
                end--;
            }
            if (start == end) {
                return;
            }
            int optionsStart = firstOptionWord(text, start, end);
            int argsEnd = optionsStart;
            while (argsEnd > start && isPythonSpace(text.charAt(argsEnd - 1))) {
                argsEnd--;
            }
            List<OptionUse> options = options(line, optionsStart, end);
            if (options == null) {
                return;
            }
            if (argsEnd > start) {
                requirementLine(line, start, argsEnd, options);
            } else {
                optionLine(line, options);
            }
        }

        /** pip's split of a line: the requirement ends before the first space-separated word starting with '-'. */
        private static int firstOptionWord(String text, int start, int end) {
            for (int i = start; i < end; i++) {
                if (text.charAt(i) == '-' && (i == start || isSpace(text.charAt(i - 1)))) {
                    return i;
                }
            }
            return end;
        }

        // ---- options ------------------------------------------------------------------------------

        /** The options in {@code [from, to)}, or null after reporting a problem. */
        private List<OptionUse> options(LogicalLine line, int from, int to) {
            List<Word> words = words(line, from, to);
            if (words == null) {
                return null;
            }
            String text = line.text();
            List<OptionUse> uses = new ArrayList<>();
            for (int w = 0; w < words.size(); w++) {
                Word word = words.get(w);
                String raw = text.substring(word.start(), word.end());
                boolean hasNext = w + 1 < words.size();
                if (raw.startsWith("--") && raw.length() > 2) {
                    int eq = raw.indexOf('=');
                    String name = eq < 0 ? raw : raw.substring(0, eq);
                    OptionSpec spec = longOption(line, name, word.start());
                    if (spec == null) {
                        return null;
                    }
                    if (!spec.takesValue()) {
                        if (eq >= 0) {
                            problem(line, word.start() + eq, spec.longName() + " takes no value");
                            return null;
                        }
                        uses.add(new OptionUse(spec, word.start(), -1, -1));
                    } else if (eq >= 0) {
                        uses.add(new OptionUse(spec, word.start(), word.start() + eq + 1, word.end()));
                    } else if (hasNext) {
                        Word value = words.get(++w);
                        uses.add(new OptionUse(spec, word.start(), value.start(), value.end()));
                    } else {
                        problem(line, word.end(), spec.longName() + " needs a value");
                        return null;
                    }
                } else if (raw.startsWith("-") && raw.length() > 1 && !raw.equals("--")) {
                    for (int k = 1; k < raw.length(); k++) {
                        OptionSpec spec = shortOption(raw.charAt(k));
                        int at = k == 1 ? word.start() : word.start() + k;
                        if (spec == null) {
                            problem(line, at, "unknown option -" + raw.charAt(k));
                            return null;
                        }
                        if (!spec.takesValue()) {
                            uses.add(new OptionUse(spec, at, -1, -1));
                            continue;
                        }
                        if (k + 1 < raw.length()) {
                            uses.add(new OptionUse(spec, at, word.start() + k + 1, word.end()));
                        } else if (hasNext) {
                            Word value = words.get(++w);
                            uses.add(new OptionUse(spec, at, value.start(), value.end()));
                        } else {
                            problem(line, word.end(), "-" + spec.shortName() + " needs a value");
                            return null;
                        }
                        break;
                    }
                } else {
                    problem(line, word.start(), "unexpected '" + raw + "' among the options");
                    return null;
                }
            }
            return uses;
        }

        private OptionSpec longOption(LogicalLine line, String name, int at) {
            List<OptionSpec> candidates = new ArrayList<>();
            for (OptionSpec spec : OPTIONS) {
                if (spec.longName().equals(name)) {
                    return spec;
                }
                if (spec.longName().startsWith(name)) {
                    candidates.add(spec);
                }
            }
            if (candidates.size() == 1) {
                return candidates.get(0); // pip (optparse) accepts unambiguous abbreviations
            }
            if (candidates.isEmpty()) {
                problem(line, at, "unknown option " + name);
            } else {
                problem(line, at, "ambiguous option " + name + " (" + String.join(", ",
                        candidates.stream().map(OptionSpec::longName).toList()) + ")");
            }
            return null;
        }

        private static OptionSpec shortOption(char c) {
            for (OptionSpec spec : OPTIONS) {
                if (spec.shortName() == c) {
                    return spec;
                }
            }
            return null;
        }

        /** Splits {@code [from, to)} into words as POSIX shell quoting does; null after reporting an open quote. */
        private List<Word> words(LogicalLine line, int from, int to) {
            String text = line.text();
            List<Word> words = new ArrayList<>();
            int i = from;
            while (true) {
                while (i < to && isPythonSpace(text.charAt(i))) {
                    i++;
                }
                if (i >= to) {
                    return words;
                }
                int start = i;
                while (i < to && !isPythonSpace(text.charAt(i))) {
                    char c = text.charAt(i);
                    if (c == '\\') {
                        if (i + 1 >= to) {
                            problem(line, i, "nothing to escape after '\\'");
                            return null;
                        }
                        i += 2;
                    } else if (c == '\'' || c == '"') {
                        int close = closingQuote(text, i, to);
                        if (close < 0) {
                            problem(line, i, "no closing quotation mark");
                            return null;
                        }
                        i = close + 1;
                    } else {
                        i++;
                    }
                }
                words.add(new Word(start, i));
            }
        }

        private static int closingQuote(String text, int open, int to) {
            char quote = text.charAt(open);
            for (int j = open + 1; j < to; j++) {
                char c = text.charAt(j);
                if (c == quote) {
                    return j;
                }
                if (quote == '"' && c == '\\' && j + 1 < to && (text.charAt(j + 1) == '"' || text.charAt(j + 1) == '\\')) {
                    j++;
                }
            }
            return -1;
        }

        /** The value of a word once its quotes and escapes are removed, as a shell would. */
        private static String unquote(String raw) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '\\' && i + 1 < raw.length()) {
                    out.append(raw.charAt(++i));
                } else if (c == '\'' || c == '"') {
                    int close = closingQuote(raw, i, raw.length());
                    if (close < 0) {
                        out.append(raw, i, raw.length());
                        break;
                    }
                    for (int j = i + 1; j < close; j++) {
                        char q = raw.charAt(j);
                        if (c == '"' && q == '\\' && (raw.charAt(j + 1) == '"' || raw.charAt(j + 1) == '\\')) {
                            q = raw.charAt(++j);
                        }
                        out.append(q);
                    }
                    i = close;
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        // ---- lines --------------------------------------------------------------------------------

        private void optionLine(LogicalLine line, List<OptionUse> options) {
            boolean editable = options.stream().anyMatch(o -> o.spec().effect() == Effect.EDITABLE);
            for (OptionUse use : options) {
                switch (use.spec().effect()) {
                    case REQUIREMENT_FILE -> include(line, use, false);
                    case CONSTRAINT_FILE -> include(line, use, true);
                    case EDITABLE -> editable(line, use);
                    case INDEX -> indexOption(line, use);
                    case HASH -> {
                        if (!editable) {
                            problem(line, use.start(), "--hash belongs to a requirement on the same line; this line has"
                                    + " none (a missing '\\' at the end of the line before?)");
                        }
                    }
                    case REQUIREMENT_OPTION, GLOBAL -> {
                    }
                }
            }
        }

        private void requirementLine(LogicalLine line, int start, int end, List<OptionUse> options) {
            boolean hashed = false;
            for (OptionUse use : options) {
                switch (use.spec().effect()) {
                    case REQUIREMENT_FILE, CONSTRAINT_FILE, EDITABLE -> {
                        problem(line, use.start(), use.spec().display() + " must be on a line of its own");
                        return;
                    }
                    case HASH -> {
                        if (!checkHash(line, use)) {
                            return;
                        }
                        hashed = true;
                    }
                    case REQUIREMENT_OPTION, INDEX, GLOBAL -> {
                        // pip takes only the per-requirement options from a requirement's line, and ignores the others
                    }
                }
            }
            String args = line.text().substring(start, end);
            int semicolon = args.indexOf(';');
            String head = semicolon < 0 ? args : args.substring(0, semicolon);
            if (isUrl(args)) {
                unnamedRequirement(line, start, end, true, hashed);
            } else if (!NAMED_REFERENCE.matcher(head).matches() && looksLikePath(stripExtras(head.strip()))) {
                unnamedRequirement(line, start, end, false, hashed);
            } else {
                pep508Requirement(line, start, args, hashed);
            }
        }

        private boolean checkHash(LogicalLine line, OptionUse use) {
            String value = unquote(line.text().substring(use.valueStart(), use.valueEnd()));
            int colon = value.indexOf(':');
            Integer digits = colon < 0 ? null : HASH_HEX_DIGITS.get(value.substring(0, colon));
            if (digits == null) {
                problem(line, use.valueStart(), "--hash needs ALGORITHM:DIGEST with algorithm sha256, sha384 or sha512");
                return false;
            }
            String digest = value.substring(colon + 1);
            if (digest.length() != digits || !digest.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                problem(line, use.valueStart() + colon + 1, "a " + value.substring(0, colon) + " digest is "
                        + digits + " hexadecimal digits");
                return false;
            }
            return true;
        }

        private void pep508Requirement(LogicalLine line, int start, String args, boolean hashed) {
            Pep508.Requirement r;
            try {
                r = Pep508.parse(args);
            } catch (InvalidSpecException e) {
                boolean hash = e.offset() < args.length() && args.charAt(e.offset()) == '#';
                problem(line, start + e.offset(), e.getMessage() + (hash ? " (a comment needs whitespace before '#')" : ""));
                return;
            }
            if (constraints && !r.extras().isEmpty()) {
                problem(line, start + args.indexOf('[', r.nameStart()), "constraints cannot have extras");
                return;
            }
            Span atName = emptySpan(line, start + r.nameStart());
            if (r.isDirectReference()) {
                add(r.normalisedName(), "", atName, sourceOfUrl(r.url()), hashed);
            } else if (r.spec().isEmpty()) {
                Span insertAt = emptySpan(line, start + r.specStart());
                dependencies.add(new Dependency(path, Ecosystem.PYPI, r.normalisedName(), "", insertAt,
                        SpecSyntax.PEP440, Source.REGISTRY, constraints ? CONSTRAINTS : REQUIREMENTS, hashed,
                        new Location(path, atName.line(), atName.column()), ""));
            } else {
                Span span = span(line, start + r.specStart(), start + r.specEnd());
                if (span == null) {
                    problem(line, start + r.specStart(), "the version spec is split over lines with '\\'; "
                            + "write it on one line so it can be edited in place");
                    return;
                }
                add(r.normalisedName(), r.spec(), span, Source.REGISTRY, hashed);
            }
        }

        /** A bare URL, archive or path: pip separates markers with "; " after a URL and ";" after a path. */
        private void unnamedRequirement(LogicalLine line, int start, int end, boolean url, boolean hashed) {
            String args = line.text().substring(start, end);
            int markerAt = args.indexOf(url ? "; " : ";");
            if (markerAt >= 0) {
                try {
                    Pep508.checkMarker(args.substring(markerAt + 1));
                } catch (InvalidSpecException e) {
                    problem(line, start + markerAt + 1 + e.offset(), e.getMessage());
                    return;
                }
            }
            String location = (markerAt < 0 ? args : args.substring(0, markerAt)).strip();
            for (int i = 0; i < location.length(); i++) {
                if (isPythonSpace(location.charAt(i))) {
                    problem(line, start + i, "a space inside a URL or path (encode it as %20; markers follow \"; \")");
                    return;
                }
            }
            if (!url) {
                String bare = stripExtras(location);
                if (constraints && bare.length() < location.length()) {
                    problem(line, start + bare.length(), "constraints cannot have extras");
                    return;
                }
                location = bare;
            }
            reference(line, start, location, location, url ? sourceOfUrl(location) : Source.LOCAL, hashed);
        }

        private void editable(LogicalLine line, OptionUse use) {
            if (constraints) {
                problem(line, use.start(), "editable requirements are not allowed as constraints");
                return;
            }
            int[] inner = unquoted(line.text(), use.valueStart(), use.valueEnd());
            String raw = line.text().substring(inner[0], inner[1]);
            String value = unquote(line.text().substring(use.valueStart(), use.valueEnd()));
            if (value.isEmpty()) {
                problem(line, use.valueStart(), "-e/--editable needs a path or a VCS URL");
                return;
            }
            if (isUrl(value)) {
                String scheme = scheme(value);
                if (!scheme.equals("file") && !VCS_SCHEMES.contains(scheme)) {
                    problem(line, inner[0], "an editable requirement is a local path or a VCS URL (git+https://…, hg+…, svn+…, bzr+…)");
                    return;
                }
                reference(line, inner[0], value, raw, sourceOfUrl(value), false);
            } else {
                reference(line, inner[0], stripExtras(value), raw, Source.LOCAL, false);
            }
        }

        /**
         * Adds an unnamed requirement at {@code location}, which starts at logical offset {@code at}; {@code raw}
         * is the text as written there, which locates the name when it starts with {@code location}.
         */
        private void reference(LogicalLine line, int at, String location, String raw, Source source, boolean hashed) {
            boolean exact = raw.startsWith(location);
            String name = location;
            int nameAt = 0;
            int egg = eggValueStart(location);
            if (egg >= 0) {
                String value = location.substring(egg, endOfParameter(location, egg));
                int bracket = value.indexOf('[');
                String eggName = bracket < 0 ? value : value.substring(0, bracket);
                if (!Pep508.isValidName(eggName)) {
                    problem(line, at + (exact ? egg : 0), "#egg= needs a valid project name");
                    return;
                }
                name = Pep508.normalise(eggName);
                nameAt = egg;
            } else {
                int wheel = wheelNameStart(location);
                if (wheel >= 0) {
                    name = Pep508.normalise(location.substring(wheel, location.indexOf('-', wheel)));
                    nameAt = wheel;
                } else if (constraints) {
                    problem(line, at, "unnamed requirements are not allowed as constraints (name it with #egg=)");
                    return;
                }
            }
            add(name, "", emptySpan(line, at + (exact ? nameAt : 0)), source, hashed);
        }

        /** {@code -i}/{@code --index-url}, {@code --extra-index-url}, {@code --no-index} or {@code -f}/{@code --find-links}, for the PyPI registry. */
        private void indexOption(LogicalLine line, OptionUse use) {
            String name = use.spec().longName();
            if (name.equals("--no-index")) {
                indexOptions.add(new IndexOption(IndexOption.Kind.NO_INDEX, ""));
                return;
            }
            String value = unquote(line.text().substring(use.valueStart(), use.valueEnd())).strip();
            if (value.isEmpty()) {
                problem(line, use.valueStart(), use.spec().display() + " needs a URL");
                return;
            }
            if (name.equals("--find-links")) {
                indexOptions.add(new IndexOption(IndexOption.Kind.FIND_LINKS, findLinks(value)));
                return;
            }
            indexOptions.add(new IndexOption(name.equals("--index-url") ? IndexOption.Kind.INDEX_URL
                    : IndexOption.Kind.EXTRA_INDEX_URL, value));
        }

        /** A {@code --find-links} value: relative to this file when that path exists, as pip reads it; else as written. */
        private String findLinks(String value) {
            if (value.contains("://")) {
                return value;
            }
            try {
                Path besideFile = (path.getParent() != null ? path.getParent() : Path.of("")).resolve(value);
                return Files.exists(besideFile) ? besideFile.toAbsolutePath().normalize().toString() : value;
            } catch (InvalidPathException e) {
                return value;
            }
        }

        private void include(LogicalLine line, OptionUse use, boolean constraint) {
            String value = unquote(line.text().substring(use.valueStart(), use.valueEnd()));
            String option = use.spec().display();
            if (value.isEmpty()) {
                problem(line, use.valueStart(), option + " needs a file name");
                return;
            }
            if (REMOTE_FILE.matcher(value).matches()) {
                return;
            }
            int[] inner = unquoted(line.text(), use.valueStart(), use.valueEnd());
            Span span = span(line, inner[0], inner[1]);
            if (span == null) {
                problem(line, inner[0], "the file name is split over lines with '\\'");
                return;
            }
            Path directory = path.getParent() != null ? path.getParent() : Path.of("");
            Path target;
            try {
                target = directory.resolve(value).normalize();
            } catch (InvalidPathException e) {
                problem(line, inner[0], "not a valid file name: " + e.getReason());
                return;
            }
            includes.add(new Manifest.Include(target, constraint, span));
        }

        // ---- results and positions ----------------------------------------------------------------

        private void add(String name, String spec, Span span, Source source, boolean hashed) {
            dependencies.add(new Dependency(path, Ecosystem.PYPI, name, spec, span, SpecSyntax.PEP440, source,
                    constraints ? CONSTRAINTS : REQUIREMENTS, hashed));
        }

        private void problem(LogicalLine line, int logicalOffset, String message) {
            problems.add(new Problem(lines.location(path, line.origin()[logicalOffset]), message));
        }

        /** The span of logical {@code [start, end)}, or null when it is not one piece of the file (a continuation inside). */
        private Span span(LogicalLine line, int start, int end) {
            int from = line.origin()[start];
            if (end > start && line.origin()[end - 1] - from != end - 1 - start) {
                return null;
            }
            return spanOf(from, end > start ? line.origin()[end - 1] + 1 : from);
        }

        private Span emptySpan(LogicalLine line, int at) {
            int offset = line.origin()[at];
            return spanOf(offset, offset);
        }

        /** Same result as {@link Span#of}, in logarithmic time. */
        private Span spanOf(int start, int end) {
            return lines.span(start, end);
        }
    }

    // ---- classification helpers -------------------------------------------------------------------

    /** The URL scheme of {@code location} in lower case, or "" when it has none. */
    private static String scheme(String location) {
        Matcher m = SCHEME.matcher(location);
        return m.lookingAt() ? m.group(1).toLowerCase(Locale.ROOT) : "";
    }

    /** pip's test: the text before the first ':' is a known URL or VCS scheme. */
    private static boolean isUrl(String location) {
        String scheme = scheme(location);
        return PLAIN_URL_SCHEMES.contains(scheme) || VCS_SCHEMES.contains(scheme);
    }

    /** LOCAL for {@code file:} URLs, relative references and Windows drive paths ({@code C:/…}); URL otherwise. */
    private static Source sourceOfUrl(String url) {
        String scheme = scheme(url);
        return scheme.equals("file") || scheme.length() <= 1 ? Source.LOCAL : Source.URL;
    }

    /** pip's test for a path: it starts with '.', has a separator, or names an archive. */
    private static boolean looksLikePath(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        return location.startsWith(".") || location.contains("/") || location.contains("\\")
                || ARCHIVE_SUFFIXES.stream().anyMatch(lower::endsWith);
    }

    private static String stripExtras(String location) {
        Matcher m = PATH_EXTRAS.matcher(location);
        return m.matches() ? m.group(1) : location;
    }

    /** Where the value of an {@code egg=} fragment parameter starts, or -1. */
    private static int eggValueStart(String location) {
        int hash = location.indexOf('#');
        if (hash < 0) {
            return -1;
        }
        int at = hash + 1;
        while (at <= location.length()) {
            if (location.startsWith("egg=", at)) {
                return at + 4;
            }
            int amp = location.indexOf('&', at);
            if (amp < 0) {
                return -1;
            }
            at = amp + 1;
        }
        return -1;
    }

    private static int endOfParameter(String location, int from) {
        int amp = location.indexOf('&', from);
        return amp < 0 ? location.length() : amp;
    }

    /** Where the file name of a {@code .whl} location starts, when it has the wheel form {@code name-version-…}; else -1. */
    private static int wheelNameStart(String location) {
        int end = location.length();
        for (char c : new char[] {'#', '?'}) {
            int i = location.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String path = location.substring(0, end);
        if (!path.toLowerCase(Locale.ROOT).endsWith(".whl")) {
            return -1;
        }
        int start = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1;
        int dash = path.indexOf('-', start);
        return dash > start && Pep508.isValidName(path.substring(start, dash)) ? start : -1;
    }

    /** {@code [start, end)} without one pair of enclosing quotes, when the whole word is quoted. */
    private static int[] unquoted(String text, int start, int end) {
        if (end - start >= 2) {
            char first = text.charAt(start);
            if ((first == '"' || first == '\'') && text.charAt(end - 1) == first && text.indexOf(first, start + 1) == end - 1) {
                return new int[] {start + 1, end - 1};
            }
        }
        return new int[] {start, end};
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    /** Whitespace as Python's {@code str.strip} and {@code \s} see it. */
    private static boolean isPythonSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
