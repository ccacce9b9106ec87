package mx.gob.sre.testsupport;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;

/**
 * A property-based fuzzer driven by a service's own OpenAPI document. For every operation it sends
 * generated requests — plausible ones built from the schemas (so they reach the business code), and
 * broken ones: wrong types, missing and unknown fields, huge and odd strings, malformed JSON, bad ids,
 * wrong content types, and bad or missing tokens. Every answer must be below 500, every error must be
 * problem+json, and no body may show a stack trace, a class name or SQL.
 *
 * <p>jqwik's generators draw the values (in a jqwik session, as this runs inside a Quarkus test rather
 * than as a jqwik property); a fixed seed makes a run repeatable, so the normal build runs
 * a short fixed-seed pass and {@code -Dfuzz.requests=...} / {@code -Dfuzz.seed=...} a long one.
 */
public final class OpenApiFuzzer {

    /** What must never appear in a body: stack frames, exception and class names, SQL. */
    static final Pattern LEAK = Pattern.compile(
            "(\\bat [a-z][\\w$]*\\.[\\w$.]+\\(|\\w+Exception\\b|\\bjava\\.lang\\.|org\\.hibernate|org\\.postgresql"
                    + "|io\\.quarkus\\.|io\\.vertx\\.|mx\\.gob\\.sre\\.|SQLState|PSQL|\\bERROR: +[a-z])");
    static final Pattern SQL = Pattern.compile("(?i)(\\bselect\\b[^\"]{0,200}\\bfrom\\b|\\binsert into\\b"
            + "|\\bupdate\\b[^\"]{0,80}\\bset\\b|\\bdelete from\\b|\\bwhere\\b[^\"]{0,80}=\\s*\\$\\d)");

    /**
     * Quarkus's HTTP server refuses a request line over 4 KiB with a bare 414/431 before any application
     * code runs (quarkusio/quarkus#55082); docs/problems.md says so. Such answers are not findings.
     */
    static final int MAX_REQUEST_LINE = 4096;

    private static final List<String> ODD_STRINGS = List.of("", " ", "\u0000", "null", "' OR '1'='1", "\"; DROP TABLE x; --",
            "<script>alert(1)</script>", "../../../etc/passwd", "%00%0a", "${jndi:ldap://127.0.0.1/a}", "🙂🇲🇽",
            "\u202Eabc", "ÿþ", "\uD800", "-1", "1e309", "99999999999999999999999", "true", "[]", "{}");

    /** One answer that broke a rule. */
    public record Finding(String operation, String request, int status, String problem, String body) {

        @Override
        public String toString() {
            return operation + " <- " + request + " => " + status + ": " + problem + " | "
                    + body.substring(0, Math.min(300, body.length()));
        }
    }

    private final OpenAPI api;
    private final String baseUrl;
    private final List<String> tokens;
    private final long seed;
    private final int requestsPerOperation;
    private final Predicate<String> skip;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Ids seen in successful answers, reused for uuid parameters so requests reach existing objects. */
    private final List<String> knownIds = new ArrayList<>();
    /** Per operation, the tokens it refused (401/403), so later requests use the personas it accepts. */
    private final Map<String, java.util.Set<String>> refused = new java.util.HashMap<>();
    private static final Pattern UUID_TEXT = Pattern.compile(
            "\"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\"");
    private int sent;
    private final java.util.SortedMap<Integer, Integer> statuses = new java.util.TreeMap<>();

    private OpenApiFuzzer(String document, String baseUrl, List<String> tokens, long seed, int requestsPerOperation,
            Predicate<String> skip) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        this.api = new OpenAPIV3Parser().readContents(document, null, options).getOpenAPI();
        if (api == null || api.getPaths() == null) {
            throw new IllegalArgumentException("not an OpenAPI document");
        }
        this.baseUrl = baseUrl;
        this.tokens = tokens;
        this.seed = seed;
        this.requestsPerOperation = requestsPerOperation;
        this.skip = skip;
    }

    /**
     * @param document             the service's OpenAPI document (JSON or YAML)
     * @param baseUrl              where the service answers, e.g. {@code http://localhost:8081}
     * @param tokens               Authorization header values of the personas to call as
     * @param requestsPerOperation how many requests each operation gets
     * @param skip                 operations ("POST /path") not to fuzz, e.g. ones that are slow by design
     */
    public static OpenApiFuzzer of(String document, String baseUrl, List<String> tokens, int requestsPerOperation,
            Predicate<String> skip) {
        long seed = Long.getLong("fuzz.seed", 20261128L);
        int requests = Integer.getInteger("fuzz.requests", requestsPerOperation);
        return new OpenApiFuzzer(document, baseUrl, tokens, seed, requests, skip);
    }

    /**
     * Fuzzes the service the current Quarkus test runs (RestAssured's port) through its own document and
     * fails with every finding. Prints the number of requests and the seed, to repeat a run.
     */
    public static void assertServiceHoldsUp(List<String> tokens, int requestsPerOperation) throws Exception {
        String base = "http://localhost:" + io.restassured.RestAssured.port;
        String document = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                + "/q/openapi?format=json")).build(), HttpResponse.BodyHandlers.ofString()).body();
        OpenApiFuzzer fuzzer = of(document, base, tokens, requestsPerOperation, operation -> false);
        List<Finding> findings = fuzzer.run();
        System.out.printf("OpenApiFuzzer: %d requests, seed %d, statuses %s, %d findings%n", fuzzer.sent(),
                fuzzer.seed(), fuzzer.statuses, findings.size());
        org.assertj.core.api.Assertions.assertThat(findings)
                .as("requests answered with a 5xx, a non-problem error, or internals (seed %d)", fuzzer.seed())
                .isEmpty();
    }

    public int sent() {
        return sent;
    }

    public long seed() {
        return seed;
    }

    /** Runs every operation's requests and returns what broke the rules. */
    public List<Finding> run() throws InterruptedException {
        JqwikSession.start(String.valueOf(seed));
        try {
            return fuzz();
        } finally {
            JqwikSession.finish();
        }
    }

    private List<Finding> fuzz() throws InterruptedException {
        List<Finding> findings = new ArrayList<>();
        Random random = new Random(seed);
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                String operation = entry.getKey() + " " + path.getKey();
                if (skip.test(operation)) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                if (path.getValue().getParameters() != null) {
                    parameters.addAll(path.getValue().getParameters());
                }
                if (entry.getValue().getParameters() != null) {
                    parameters.addAll(entry.getValue().getParameters());
                }
                for (int i = 0; i < requestsPerOperation; i++) {
                    Finding finding = send(operation, entry.getKey().name(), path.getKey(), parameters,
                            entry.getValue(), random, i);
                    if (finding != null) {
                        findings.add(finding);
                    }
                }
            }
        }
        return findings;
    }

    private Finding send(String operation, String method, String template, List<Parameter> parameters,
            Operation op, Random random, int round) throws InterruptedException {
        int variant = round % 12;
        String path = template;
        StringBuilder query = new StringBuilder();
        java.util.Set<String> refusedHere = refused.computeIfAbsent(operation, o -> new java.util.HashSet<>());
        List<String> accepted = tokens.stream().filter(t -> !refusedHere.contains(t)).toList();
        List<String> candidates = accepted.isEmpty() ? tokens : accepted;
        String headerToken = candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
        List<String[]> headers = new ArrayList<>();
        for (Parameter parameter : parameters) {
            Object value = variant == 9 ? odd(random) : value(parameter.getSchema(), random, 0);
            if (variant != 9 && parameter.getSchema() != null && "uuid".equals(parameter.getSchema().getFormat())
                    && !knownIds.isEmpty() && random.nextInt(4) > 0) {
                value = knownIds.get(random.nextInt(knownIds.size()));
            }
            if (value == null) {
                continue;
            }
            String text = String.valueOf(value);
            switch (parameter.getIn()) {
                case "path" -> path = path.replace("{" + parameter.getName() + "}",
                        URLEncoder.encode(text.isEmpty() ? "x" : text, StandardCharsets.UTF_8).replace("+", "%20"));
                case "query" -> {
                    if (variant == 10 || Boolean.TRUE.equals(parameter.getRequired()) || random.nextBoolean()) {
                        query.append(query.length() == 0 ? '?' : '&').append(URLEncoder.encode(parameter.getName(),
                                StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(variant == 10 ? odd(random)
                                : text, StandardCharsets.UTF_8));
                    }
                }
                case "header" -> {
                    if (!parameter.getName().equalsIgnoreCase("Authorization") && text.chars().allMatch(c -> c >= 0x20
                            && c < 0x7f)) {
                        headers.add(new String[] {parameter.getName(), text});
                    }
                }
                default -> {
                }
            }
        }
        if (round % 7 == 6) {
            headerToken = switch (random.nextInt(3)) {
                case 0 -> null;
                case 1 -> "Bearer " + new UUID(random.nextLong(), random.nextLong());
                default -> "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.";
            };
        }
        String contentType = null;
        byte[] body = null;
        if (op.getRequestBody() != null && op.getRequestBody().getContent() != null
                && !op.getRequestBody().getContent().isEmpty()) {
            Map.Entry<String, MediaType> media = op.getRequestBody().getContent().entrySet().iterator().next();
            contentType = media.getKey();
            if (contentType.contains("json")) {
                body = jsonBody(media.getValue().getSchema(), random, variant);
                if (variant == 11) {
                    contentType = random.nextBoolean() ? "text/plain" : null;
                }
            } else {
                body = bytes(random, variant);
                if (variant == 11) {
                    contentType = "image/png";
                }
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path + query))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headerToken != null) {
            request.header("Authorization", headerToken);
        }
        headers.forEach(h -> request.header(h[0], h[1]));
        String described = method + " " + path + query + (body == null ? "" : " body=" + preview(body))
                + (headerToken == null ? " (no token)" : "");
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException first) {
            // A keep-alive connection the server closed after refusing an earlier body: try once more.
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                return new Finding(operation, described, -1, "no answer: " + e.getMessage(), "");
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        sent++;
        statuses.merge(response.statusCode(), 1, Integer::sum);
        if ((response.statusCode() == 401 || response.statusCode() == 403) && headerToken != null
                && tokens.contains(headerToken)) {
            refusedHere.add(headerToken);
        }
        if (response.statusCode() < 300 && response.body() != null && knownIds.size() < 5000) {
            Matcher ids = UUID_TEXT.matcher(response.body());
            while (ids.find()) {
                knownIds.add(ids.group(1));
            }
        }
        int requestLine = method.length() + path.length() + query.length() + 10;
        if ((response.statusCode() == 414 || response.statusCode() == 431) && requestLine > MAX_REQUEST_LINE) {
            return null;
        }
        return check(operation, described, response);
    }

    static Finding check(String operation, String request, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        if (status >= 500) {
            return new Finding(operation, request, status, "server error", body);
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 400 && !type.startsWith("application/problem+json")) {
            return new Finding(operation, request, status, "error is not problem+json but " + type, body);
        }
        if (LEAK.matcher(body).find()) {
            return new Finding(operation, request, status, "body shows internals", body);
        }
        if (status >= 400 && SQL.matcher(body).find()) {
            return new Finding(operation, request, status, "error shows SQL", body);
        }
        return null;
    }

    /** A JSON body: plausible from the schema, or broken in the way the variant says. */
    private byte[] jsonBody(Schema<?> schema, Random random, int variant) {
        try {
            Object valid = value(schema, random, 0);
            Object body = switch (variant) {
                case 1 -> mutateObject(valid, random, "drop");
                case 2 -> mutateObject(valid, random, "type");
                case 3 -> mutateObject(valid, random, "extra");
                case 4 -> mutateObject(valid, random, "huge");
                case 5 -> mutateObject(valid, random, "odd");
                case 7 -> null;
                case 8 -> List.of(random.nextInt(), "x");
                default -> valid;
            };
            if (variant == 6) {
                String text = json.writeValueAsString(valid);
                return (text.substring(0, Math.max(1, random.nextInt(text.length()))) + "\u0001{").getBytes(
                        StandardCharsets.UTF_8);
            }
            if (variant == 7) {
                return random.nextBoolean() ? new byte[0] : "null".getBytes(StandardCharsets.UTF_8);
            }
            return json.writeValueAsBytes(body);
        } catch (Exception e) {
            return "{".getBytes(StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    private Object mutateObject(Object value, Random random, String how) {
        if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
            return how.equals("type") ? "not-an-object" : value;
        }
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
        List<String> keys = new ArrayList<>(copy.keySet());
        String key = keys.get(random.nextInt(keys.size()));
        switch (how) {
            case "drop" -> copy.remove(key);
            case "type" -> copy.put(key, copy.get(key) instanceof String ? (Object) random.nextInt()
                    : List.of(Map.of("x", 1)));
            case "extra" -> copy.put("unexpected" + random.nextInt(100), "value");
            case "huge" -> copy.put(key, "A".repeat(200_000));
            case "odd" -> copy.put(key, odd(random));
            default -> {
            }
        }
        if (copy.get(key) instanceof Map<?, ?> nested && random.nextBoolean()) {
            copy.put(key, mutateObject(nested, random, how));
        }
        return copy;
    }

    /** A plausible value for a schema: its example or enum where it has one, else drawn by jqwik. */
    @SuppressWarnings("unchecked")
    Object value(Schema<?> schema, Random random, int depth) {
        if (schema == null || depth > 6) {
            return null;
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            Map<String, Object> merged = new LinkedHashMap<>();
            for (Schema<?> part : schema.getAllOf()) {
                Object v = value(part, random, depth + 1);
                if (v instanceof Map<?, ?> m) {
                    merged.putAll((Map<String, Object>) m);
                } else if (v != null) {
                    return v;
                }
            }
            return merged;
        }
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            return value(schema.getOneOf().get(random.nextInt(schema.getOneOf().size())), random, depth + 1);
        }
        if (schema.getAnyOf() != null && !schema.getAnyOf().isEmpty()) {
            return value(schema.getAnyOf().get(random.nextInt(schema.getAnyOf().size())), random, depth + 1);
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().get(random.nextInt(schema.getEnum().size()));
        }
        Object example = schema.getExample();
        if (example == null && schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            example = schema.getExamples().get(0);
        }
        if (example != null && random.nextInt(3) > 0) {
            return example;
        }
        String type = type(schema);
        String format = schema.getFormat();
        return switch (type) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                if (schema.getProperties() != null) {
                    for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                        if (schema.getRequired() != null && schema.getRequired().contains(property.getKey())
                                || random.nextInt(4) > 0) {
                            object.put(property.getKey(), value(property.getValue(), random, depth + 1));
                        }
                    }
                } else if (schema.getAdditionalProperties() instanceof Schema<?> values) {
                    object.put("k" + random.nextInt(10), value(values, random, depth + 1));
                }
                yield object;
            }
            case "array" -> {
                List<Object> array = new ArrayList<>();
                int size = 1 + random.nextInt(3);
                for (int i = 0; i < size; i++) {
                    array.add(value(schema.getItems(), random, depth + 1));
                }
                yield array;
            }
            case "integer" -> draw(Arbitraries.integers().between(
                    schema.getMinimum() == null ? -5 : schema.getMinimum().intValue(),
                    schema.getMaximum() == null ? 10_000 : schema.getMaximum().min(java.math.BigDecimal.valueOf(
                            Integer.MAX_VALUE)).intValue()), random);
            case "number" -> draw(Arbitraries.doubles().between(-1, 10_000), random);
            case "boolean" -> random.nextBoolean();
            default -> string(format, schema, random);
        };
    }

    private Object string(String format, Schema<?> schema, Random random) {
        if (format != null) {
            switch (format) {
                case "uuid" -> {
                    return new UUID(random.nextLong(), random.nextLong()).toString();
                }
                case "date" -> {
                    return LocalDate.now().plusDays(random.nextInt(400) - 200).toString();
                }
                case "date-time" -> {
                    return Instant.now().plusSeconds(random.nextInt(30 * 86400) - 86400L).toString();
                }
                case "email" -> {
                    return "fuzz" + random.nextInt(1000) + "@example.com";
                }
                default -> {
                }
            }
        }
        if (schema.getPattern() != null && schema.getPattern().contains("A-Z") && schema.getPattern().contains("{18}")) {
            return TestCurps.random();
        }
        int min = schema.getMinLength() == null ? 1 : Math.max(1, schema.getMinLength());
        int max = Math.max(min, schema.getMaxLength() == null ? 40 : Math.min(schema.getMaxLength(), 200));
        if (schema.getPattern() != null && random.nextInt(5) > 0) {
            String generated = PatternStrings.generate(schema.getPattern(), random);
            if (generated != null) {
                return generated;
            }
        }
        return switch (random.nextInt(6)) {
            case 0 -> draw(Arbitraries.strings().all().ofMaxLength(max), random);
            case 1 -> draw(Arbitraries.of(ODD_STRINGS), random);
            default -> draw(Arbitraries.strings().alpha().numeric().withChars(' ').ofMinLength(min).ofMaxLength(max),
                    random);
        };
    }

    private static String odd(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size()));
            case 1 -> "x".repeat(5000);
            case 2 -> String.valueOf(random.nextLong());
            default -> new UUID(random.nextLong(), random.nextLong()) + "'";
        };
    }

    private static byte[] bytes(Random random, int variant) {
        byte[] bytes = new byte[variant == 4 ? 100_000 : 1 + random.nextInt(2048)];
        random.nextBytes(bytes);
        if (variant % 3 == 0) {
            byte[] pdf = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(pdf, 0, bytes, 0, Math.min(pdf.length, bytes.length));
        }
        return variant == 7 ? new byte[0] : bytes;
    }

    private static <T> T draw(Arbitrary<T> arbitrary, Random random) {
        RandomGenerator<T> generator = arbitrary.generator(100);
        return generator.next(random).value();
    }

    private static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null) {
            return schema.getTypes().stream().filter(t -> !t.equals("null")).findFirst().orElse("string");
        }
        return schema.getProperties() != null ? "object" : schema.getItems() != null ? "array" : "string";
    }

    private static String preview(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
        return body.length > 200 ? text + "...(" + body.length + " bytes)" : text;
    }
}
