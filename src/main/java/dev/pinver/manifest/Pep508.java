package dev.pinver.manifest;

import dev.pinver.version.InvalidSpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parser for one PEP 508 dependency specifier, such as {@code fastapi[all] >=0.45,<0.46 ; python_version >= "3.8"}
 * or {@code clip @ git+https://github.com/openai/CLIP.git}. It checks the PEP 508 grammar (names, extras,
 * version operators, the shape of versions, direct references and the grammar of environment markers) and
 * records where each part sits, so a caller can map it back to a file. It does not check PEP 440 validity
 * of the versions beyond their characters, and never evaluates markers.
 *
 * <p>Tolerance beyond PEP 508: a version may contain {@code ${NAME}} references, which pip expands from
 * the environment before parsing a requirements file; they are kept verbatim.
 */
public final class Pep508 {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");
    private static final Pattern SEPARATOR_RUN = Pattern.compile("[-_.]+");
    private static final Set<String> VERSION_OPERATORS = Set.of("<=", "<", "!=", "==", ">=", ">", "~=", "===");
    private static final Pattern MARKER_VARIABLE = Pattern.compile(
            "python_version|python_full_version|os[._]name|sys[._]platform|platform_(release|system)"
                    + "|platform[._](version|machine|python_implementation)|python_implementation"
                    + "|implementation_(name|version)|extras?|dependency_groups");

    private Pep508() {
    }

    /**
     * One parsed requirement. Offsets are 0-based indexes into the parsed string.
     *
     * @param name the project name as written
     * @param normalisedName the PEP 503 form of {@code name}
     * @param nameStart where {@code name} starts
     * @param extras the extras as written, in order (empty when there are none)
     * @param spec the version specifiers exactly as written (inside the parentheses, trimmed, when
     *     parenthesised); empty when there are none
     * @param specStart where {@code spec} starts; for an empty spec, where one would be inserted
     *     (right after the name and extras)
     * @param specEnd where {@code spec} ends (exclusive)
     * @param url the direct reference after {@code @}; empty when there is none
     * @param urlStart where {@code url} starts; -1 when there is none
     * @param marker the environment marker after {@code ;}, verbatim and trimmed; empty when there is none
     * @param markerStart where {@code marker} starts; -1 when there is none
     */
    public record Requirement(
            String name,
            String normalisedName,
            int nameStart,
            List<String> extras,
            String spec,
            int specStart,
            int specEnd,
            String url,
            int urlStart,
            String marker,
            int markerStart) {

        public Requirement {
            extras = List.copyOf(extras);
        }

        /** True for {@code name @ url}: a direct reference, which carries no version spec. */
        public boolean isDirectReference() {
            return !url.isEmpty();
        }
    }

    /**
     * Parses one requirement string; leading and trailing spaces or tabs are allowed.
     *
     * @throws InvalidSpecException when {@code text} is not a PEP 508 requirement; its offset is the
     *     index of the first character that does not fit
     */
    public static Requirement parse(String text) {
        return new Parser(text).requirement();
    }

    /**
     * Checks the grammar of an environment marker such as {@code python_version < "3.11" and os_name == 'posix'},
     * without evaluating it; leading and trailing spaces or tabs are allowed.
     *
     * @throws InvalidSpecException when {@code text} is not a PEP 508 marker; its offset is the index of the
     *     first character that does not fit
     */
    public static void checkMarker(String text) {
        new Parser(text).wholeMarker();
    }

    /** The PEP 503 normal form of a project name: lower case, each run of {@code - _ .} replaced by one {@code -}. */
    public static String normalise(String name) {
        return SEPARATOR_RUN.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    /** True when {@code name} is a valid PEP 508 project name (also the rule for extra names). */
    public static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }

    /** A cursor over the text; each method consumes one grammar element or throws at the current position. */
    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Requirement requirement() {
            skipSpace();
            int nameStart = pos;
            String name = identifier("a package name", "a package name");
            int afterName = pos;
            skipSpace();
            List<String> extras = List.of();
            if (peek('[')) {
                extras = extras();
                afterName = pos;
                skipSpace();
            }
            String spec = "";
            int specStart = afterName;
            int specEnd = afterName;
            String url = "";
            int urlStart = -1;
            if (peek('@')) {
                pos++;
                skipSpace();
                urlStart = pos;
                while (pos < text.length() && !isSpace(text.charAt(pos))) {
                    pos++;
                }
                if (pos == urlStart) {
                    throw error("expected a URL after '@'");
                }
                url = text.substring(urlStart, pos);
                skipSpace();
            } else if (peek('(')) {
                pos++;
                skipSpace();
                specStart = pos;
                specEnd = versionMany();
                spec = text.substring(specStart, specEnd);
                skipSpace();
                if (!peek(')')) {
                    throw error("expected ')' to close the version specifiers");
                }
                pos++;
                skipSpace();
            } else if (pos < text.length() && isOperatorChar(text.charAt(pos))) {
                specStart = pos;
                specEnd = versionMany();
                spec = text.substring(specStart, specEnd);
                skipSpace();
            }
            String marker = "";
            int markerStart = -1;
            if (peek(';')) {
                pos++;
                skipSpace();
                markerStart = pos;
                marker();
                marker = text.substring(markerStart, pos).strip();
                skipSpace();
            }
            if (pos < text.length()) {
                throw error(unexpected(trailingExpectation(!spec.isEmpty(), !url.isEmpty(), markerStart >= 0)));
            }
            return new Requirement(name, normalise(name), nameStart, extras, spec, specStart, specEnd,
                    url, urlStart, marker, markerStart);
        }

        /** What could have come instead of the unexpected character at the current position. */
        private String trailingExpectation(boolean hasSpec, boolean hasUrl, boolean hasMarker) {
            if (hasMarker) {
                return "expected 'and', 'or' or the end of the marker";
            }
            if (hasSpec && isOperatorChar(text.charAt(pos))) {
                return "expected ',' between version specifiers";
            }
            return hasSpec || hasUrl ? "expected ';' or the end" : "expected a version operator, '@', ';' or the end";
        }

        private List<String> extras() {
            pos++;
            skipSpace();
            List<String> extras = new ArrayList<>();
            if (!peek(']')) {
                extras.add(identifier("an extra name", "an extra name"));
                skipSpace();
                while (peek(',')) {
                    pos++;
                    skipSpace();
                    extras.add(identifier("an extra name after ','", "an extra name"));
                    skipSpace();
                }
            }
            if (!peek(']')) {
                throw error(unexpected("expected ',' or ']' in the extras"));
            }
            pos++;
            return extras;
        }

        /** Parses {@code version_one (',' version_one)* (',')?} and returns the end of its text, trailing spaces excluded. */
        private int versionMany() {
            int end = pos;
            if (pos < text.length() && isOperatorChar(text.charAt(pos))) {
                end = versionOne();
                skipSpace();
                while (peek(',')) {
                    pos++;
                    end = pos;
                    skipSpace();
                    if (pos < text.length() && isOperatorChar(text.charAt(pos))) {
                        end = versionOne();
                        skipSpace();
                    } else {
                        break;
                    }
                }
            }
            return end;
        }

        private int versionOne() {
            int opStart = pos;
            while (pos < text.length() && isOperatorChar(text.charAt(pos))) {
                pos++;
            }
            String op = text.substring(opStart, pos);
            if (!VERSION_OPERATORS.contains(op)) {
                pos = opStart;
                throw error("unknown version operator '" + op + "' (expected one of <= < != == >= > ~= ===)");
            }
            skipSpace();
            int versionStart = pos;
            if (op.equals("===")) {
                while (pos < text.length() && !isSpace(text.charAt(pos)) && ",;)".indexOf(text.charAt(pos)) < 0) {
                    pos++;
                }
            } else {
                while (pos < text.length()) {
                    char c = text.charAt(pos);
                    if (isVersionChar(c)) {
                        pos++;
                    } else if (text.startsWith("${", pos)) {
                        environmentReference();
                    } else {
                        break;
                    }
                }
            }
            if (pos == versionStart) {
                throw error(unexpected("expected a version after '" + op + "'"));
            }
            return pos;
        }

        private void environmentReference() {
            int close = text.indexOf('}', pos);
            if (close < 0 || !text.substring(pos + 2, close).matches("[A-Z0-9_]+")) {
                throw error("'${' must start an environment variable reference such as ${VERSION}");
            }
            pos = close + 1;
        }

        void wholeMarker() {
            skipSpace();
            marker();
            skipSpace();
            if (pos < text.length()) {
                throw error(unexpected(trailingExpectation(false, false, true)));
            }
        }

        private void marker() {
            if (pos == text.length()) {
                throw error("expected an environment marker");
            }
            markerOr();
        }

        private void markerOr() {
            markerAnd();
            while (keyword("or")) {
                markerAnd();
            }
        }

        private void markerAnd() {
            markerExpression();
            while (keyword("and")) {
                markerExpression();
            }
        }

        private void markerExpression() {
            skipSpace();
            if (peek('(')) {
                pos++;
                markerOr();
                skipSpace();
                if (!peek(')')) {
                    throw error(unexpected("expected ')' in the marker"));
                }
                pos++;
                return;
            }
            markerValue();
            skipSpace();
            markerOperator();
            skipSpace();
            markerValue();
        }

        private void markerValue() {
            if (peek('"') || peek('\'')) {
                char quote = text.charAt(pos);
                int close = text.indexOf(quote, pos + 1);
                if (close < 0) {
                    throw error("unterminated string in the marker");
                }
                pos = close + 1;
                return;
            }
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || "._".indexOf(text.charAt(pos)) >= 0)) {
                pos++;
            }
            String word = text.substring(start, pos);
            if (!MARKER_VARIABLE.matcher(word).matches()) {
                pos = start;
                throw error(word.isEmpty()
                        ? unexpected("expected a marker variable or a quoted string")
                        : "unknown marker variable '" + word + "'");
            }
        }

        private void markerOperator() {
            int start = pos;
            if (keywordHere("in")) {
                return;
            }
            if (keywordHere("not")) {
                skipSpace();
                if (keywordHere("in")) {
                    return;
                }
                pos = start;
                throw error("expected 'not in'");
            }
            while (pos < text.length() && isOperatorChar(text.charAt(pos))) {
                pos++;
            }
            String op = text.substring(start, pos);
            if (!VERSION_OPERATORS.contains(op)) {
                pos = start;
                throw error(op.isEmpty()
                        ? unexpected("expected a marker operator")
                        : "unknown marker operator '" + op + "'");
            }
        }

        /** Consumes spaces and {@code word} when it follows as a whole word; otherwise leaves the position unchanged. */
        private boolean keyword(String word) {
            int start = pos;
            skipSpace();
            if (keywordHere(word)) {
                return true;
            }
            pos = start;
            return false;
        }

        private boolean keywordHere(String word) {
            int end = pos + word.length();
            if (text.startsWith(word, pos) && (end == text.length() || !isWordChar(text.charAt(end)))) {
                pos = end;
                return true;
            }
            return false;
        }

        private String identifier(String expected, String noun) {
            int start = pos;
            while (pos < text.length() && (isAsciiLetterOrDigit(text.charAt(pos)) || "._-".indexOf(text.charAt(pos)) >= 0)) {
                pos++;
            }
            String word = text.substring(start, pos);
            if (word.isEmpty() || !isAsciiLetterOrDigit(word.charAt(0))) {
                pos = start;
                throw error(unexpected("expected " + expected));
            }
            if (!isAsciiLetterOrDigit(word.charAt(word.length() - 1))) {
                pos--;
                throw error(noun + " must end with a letter or digit");
            }
            return word;
        }

        private String unexpected(String expectation) {
            return pos < text.length()
                    ? expectation + ", found '" + text.charAt(pos) + "'"
                    : expectation + ", found the end";
        }

        private boolean peek(char c) {
            return pos < text.length() && text.charAt(pos) == c;
        }

        private void skipSpace() {
            while (pos < text.length() && isSpace(text.charAt(pos))) {
                pos++;
            }
        }

        private InvalidSpecException error(String message) {
            return new InvalidSpecException(message, pos);
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isOperatorChar(char c) {
        return c == '<' || c == '>' || c == '=' || c == '!' || c == '~';
    }

    private static boolean isVersionChar(char c) {
        return isAsciiLetterOrDigit(c) || "-_.*+!".indexOf(c) >= 0;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
