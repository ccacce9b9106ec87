package mx.gob.sre.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * String fields read out of a JSON answer by name, for the local stack's launcher, the fault drills and
 * the benchmarks, which each need a field or two of an answer and no JSON library on their class path.
 * A field is matched wherever it stands in the document; values with escaped quotes are not supported.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /** The first string value of the named field, if there is one. */
    public static Optional<String> find(String json, String name) {
        Matcher matcher = pattern(name).matcher(json);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The first string value of the named field; fails, showing the answer, if there is none. */
    public static String string(String json, String name) {
        return find(json, name).orElseThrow(() -> new IllegalStateException("no " + name + " in " + json));
    }

    /** Every string value of the named field, in document order (e.g. each slot's start). */
    public static List<String> strings(String json, String name) {
        List<String> values = new ArrayList<>();
        Matcher matcher = pattern(name).matcher(json);
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }

    private static Pattern pattern(String name) {
        return Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]+)\"");
    }
}
