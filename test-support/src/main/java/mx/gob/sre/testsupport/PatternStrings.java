package mx.gob.sre.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Strings that match the simple regular expressions OpenAPI documents use for fields: literals,
 * escapes, character classes with ranges, groups with alternatives, and the quantifiers ?, *, +, {n} and
 * {m,n}. Anything else (lookarounds, back-references) gives null, and so does a result that does not
 * match, so a caller can fall back to another value.
 */
final class PatternStrings {

    private PatternStrings() {
    }

    static String generate(String regex, Random random) {
        try {
            StringBuilder out = new StringBuilder();
            int end = alternatives(regex, 0, random, out);
            if (end != regex.length()) {
                return null;
            }
            String value = out.toString();
            return Pattern.compile(regex).matcher(value).matches() ? value : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Parses alternatives up to a ')' or the end, appends one of them, returns where it stopped. */
    private static int alternatives(String regex, int start, Random random, StringBuilder out) {
        List<StringBuilder> options = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = start;
        while (i < regex.length() && regex.charAt(i) != ')') {
            if (regex.charAt(i) == '|') {
                options.add(current);
                current = new StringBuilder();
                i++;
                continue;
            }
            i = atom(regex, i, random, current);
        }
        options.add(current);
        out.append(options.get(random.nextInt(options.size())));
        return i;
    }

    /** One atom and its quantifier. */
    private static int atom(String regex, int i, Random random, StringBuilder out) {
        char c = regex.charAt(i);
        List<String> choices = new ArrayList<>();
        int next;
        String group = null;
        if (c == '^' || c == '$') {
            return i + 1;
        } else if (c == '(') {
            int from = i + 1;
            if (regex.startsWith("?:", from)) {
                from += 2;
            } else if (regex.charAt(from) == '?') {
                throw new IllegalArgumentException("lookaround");
            }
            int close = matchingParen(regex, i);
            group = regex.substring(from, close);
            next = close + 1;
        } else if (c == '[') {
            int close = regex.indexOf(']', i + 2);
            choices = charClass(regex.substring(i + 1, close));
            next = close + 1;
        } else if (c == '\\') {
            choices = escape(regex.charAt(i + 1));
            next = i + 2;
        } else if (c == '.') {
            choices = range('a', 'z');
            next = i + 1;
        } else {
            choices = List.of(String.valueOf(c));
            next = i + 1;
        }
        int min = 1;
        int max = 1;
        if (next < regex.length()) {
            char q = regex.charAt(next);
            if (q == '?') {
                min = 0;
                next++;
            } else if (q == '*') {
                min = 0;
                max = 3;
                next++;
            } else if (q == '+') {
                max = 3;
                next++;
            } else if (q == '{') {
                int close = regex.indexOf('}', next);
                String[] bounds = regex.substring(next + 1, close).split(",", -1);
                min = Integer.parseInt(bounds[0].trim());
                max = bounds.length == 1 ? min : bounds[1].isBlank() ? min + 3 : Integer.parseInt(bounds[1].trim());
                next = close + 1;
            }
        }
        int times = min + random.nextInt(Math.min(max, min + 12) - min + 1);
        for (int t = 0; t < times; t++) {
            if (group != null) {
                StringBuilder inner = new StringBuilder();
                alternatives(group, 0, random, inner);
                out.append(inner);
            } else {
                out.append(choices.get(random.nextInt(choices.size())));
            }
        }
        return next;
    }

    private static int matchingParen(String regex, int open) {
        int depth = 0;
        for (int i = open; i < regex.length(); i++) {
            if (regex.charAt(i) == '\\') {
                i++;
            } else if (regex.charAt(i) == '(') {
                depth++;
            } else if (regex.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced");
    }

    private static List<String> charClass(String body) {
        if (body.startsWith("^")) {
            throw new IllegalArgumentException("negated class");
        }
        List<String> chars = new ArrayList<>();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                chars.addAll(escape(body.charAt(++i)));
            } else if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
                chars.addAll(range(c, body.charAt(i + 2)));
                i += 2;
            } else {
                chars.add(String.valueOf(c));
            }
        }
        return chars;
    }

    private static List<String> escape(char c) {
        return switch (c) {
            case 'd' -> range('0', '9');
            case 'w' -> range('a', 'z');
            case 's' -> List.of(" ");
            default -> List.of(String.valueOf(c));
        };
    }

    private static List<String> range(char from, char to) {
        List<String> chars = new ArrayList<>();
        for (char c = from; c <= to; c++) {
            chars.add(String.valueOf(c));
        }
        return chars;
    }
}
