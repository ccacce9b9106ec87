package mx.gob.sre.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Keeps docs/asyncapi.yaml in step with the code: every topic the services publish, consume or
 * dead-letter is a channel and every channel is used; every event type is a message; and every event
 * payload record (producer's and consumers' copies alike) has exactly the fields of its schema.
 */
class DocsConsistencyTest {

    private static final Path ROOT = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("consular-service", "voter-registration-service",
            "scholarship-service");

    private static Set<String> codeTopics = new HashSet<>();
    private static Set<String> codeTypes = new HashSet<>();
    private static Map<String, Set<String>> codeRecords = new HashMap<>();
    private static Map<String, Object> asyncApi;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        Pattern topic = Pattern.compile("TOPIC\\w*\\s*=\\s*\"([^\"]+)\"");
        Pattern type = Pattern.compile("\"([a-z]+(?:\\.[a-z-]+)+\\.v\\d+)\"");
        Pattern record = Pattern.compile("record\\s+(\\w+V\\d+)\\s*\\(([^)]*)\\)", Pattern.DOTALL);
        Pattern property = Pattern.compile("^[\\w.-]*?(?:\\.topic)\\s*=\\s*(\\S+)$", Pattern.MULTILINE);
        for (String service : SERVICES) {
            Path sources = ROOT.resolve(service).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(p -> p.getFileName().toString().endsWith("Events.java")).toList()) {
                    String source = Files.readString(file);
                    collect(topic.matcher(source), codeTopics);
                    collect(type.matcher(source), codeTypes);
                    Matcher records = record.matcher(source);
                    while (records.find()) {
                        Set<String> components = Arrays.stream(records.group(2).replaceAll("<[^>]*>", "")
                                        .replaceAll("@\\w+(\\([^)]*\\))?", "").split(","))
                                .map(String::trim).filter(c -> !c.isEmpty())
                                .map(c -> c.substring(c.lastIndexOf(' ') + 1)).collect(Collectors.toSet());
                        Set<String> previous = codeRecords.putIfAbsent(records.group(1), components);
                        assertThat(previous == null ? components : previous)
                                .as("every copy of %s has the same fields", records.group(1)).isEqualTo(components);
                    }
                }
            }
            Path properties = ROOT.resolve(service).resolve("src/main/resources/application.properties");
            collect(property.matcher(Files.readString(properties)), codeTopics);
        }
        asyncApi = new Yaml().load(Files.readString(ROOT.resolve("docs/asyncapi.yaml")));
    }

    private static void collect(Matcher matcher, Set<String> into) {
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    @Test
    void shouldDocumentExactlyTheTopicsTheCodeUses() {
        Set<String> channels = section("channels").values().stream()
                .map(channel -> (String) ((Map<?, ?>) channel).get("address")).collect(Collectors.toSet());
        assertThat(codeTopics).isNotEmpty();
        assertThat(channels).containsExactlyInAnyOrderElementsOf(codeTopics);
    }

    @Test
    void shouldDocumentEveryEventType() {
        Set<String> messages = messages().values().stream().map(message -> (String) message.get("name"))
                .collect(Collectors.toSet());
        assertThat(messages).containsAll(codeTypes);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDocumentEveryPayloadFieldForField() {
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) asyncApi.get("components"))
                .get("schemas");
        assertThat(codeRecords).isNotEmpty();
        codeRecords.forEach((name, fields) -> {
            assertThat(schemas).as("schema for %s", name).containsKey(name);
            Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) schemas.get(name))
                    .get("properties");
            assertThat(properties.keySet()).as("fields of %s", name).containsExactlyInAnyOrderElementsOf(fields);
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(String name) {
        return (Map<String, Object>) asyncApi.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> messages() {
        return (Map<String, Map<String, Object>>) ((Map<String, Object>) asyncApi.get("components")).get("messages");
    }
}
