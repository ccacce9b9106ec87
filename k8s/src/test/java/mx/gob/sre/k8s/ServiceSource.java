package mx.gob.sre.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a module's own sources say it needs in production: the environment variables its configuration
 * reads, and the Kafka topics it produces (its events' topics and the dead-letter topics of what it
 * consumes) and consumes. Read from the code, so the manifests are checked against what really runs.
 */
record ServiceSource(String module, Set<String> environment, Set<String> produces, Set<String> consumes) {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("TOPIC\\w*\\s*=\\s*\"([^\"]+)\"");

    static ServiceSource of(String module) {
        Path root = Overlay.ROOT.resolve(module);
        String pom = read(root.resolve("pom.xml"));
        Map<String, String> properties = new LinkedHashMap<>();
        boolean messaging = pom.contains("<artifactId>platform-messaging</artifactId>");
        if (messaging || pom.contains("<artifactId>platform</artifactId>")) {
            load(Overlay.ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"),
                    properties);
        }
        if (messaging) {
            load(Overlay.ROOT.resolve("platform-messaging/src/main/resources/META-INF/microprofile-config.properties"),
                    properties);
        }
        load(root.resolve("src/main/resources/application.properties"), properties);

        Set<String> environment = new TreeSet<>();
        Set<String> produces = new TreeSet<>();
        Set<String> consumes = new TreeSet<>();
        properties.forEach((key, value) -> {
            Matcher variables = VARIABLE.matcher(value);
            while (variables.find()) {
                environment.add(variables.group(1));
            }
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".dead-letter-queue.topic")) {
                produces.add(value);
            } else if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic")) {
                consumes.add(value);
            } else if (key.startsWith("mp.messaging.outgoing.") && key.endsWith(".topic")) {
                produces.add(value);
            }
        });
        try (Stream<Path> files = Files.walk(root.resolve("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = read(file);
                if (file.getFileName().toString().endsWith("Events.java")) {
                    Matcher topics = TOPIC_CONSTANT.matcher(source);
                    while (topics.find()) {
                        produces.add(topics.group(1));
                    }
                }
                if (source.contains("FieldCipher")) {
                    environment.add("SUITE_CRYPTO_KEYS");
                    environment.add("SUITE_CRYPTO_ACTIVE_KEY");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceSource(module, environment, produces, consumes);
    }

    /** Later files override earlier ones; profile-specific keys count only for the prod profile. */
    private static void load(Path file, Map<String, String> into) {
        StringBuilder logical = new StringBuilder();
        for (String line : read(file).split("\n")) {
            if (line.endsWith("\\")) {
                logical.append(line, 0, line.length() - 1);
                continue;
            }
            logical.append(line);
            String entry = logical.toString().strip();
            logical.setLength(0);
            int separator = entry.indexOf('=');
            if (entry.isEmpty() || entry.startsWith("#") || separator < 0) {
                continue;
            }
            String key = entry.substring(0, separator).strip();
            if (key.startsWith("%prod.")) {
                key = key.substring("%prod.".length());
            } else if (key.startsWith("%")) {
                continue;
            }
            into.put(key, entry.substring(separator + 1).strip());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
