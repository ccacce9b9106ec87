package mx.gob.sre.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The class-data archive of one service: the classes that a start loads, parsed and verified once and then
 * mapped by every later start, which makes a start about a quarter shorter (bench/README.md). On JDK 17
 * to 24 it is a dynamic AppCDS archive (JEP 350); on JDK 25 and later an AOT cache (JEPs 483, 514 and
 * 515), which also keeps the classes linked and the start's method profiles and saves about a fifth more.
 * It is trained once per build: the service is started against the stack until it is live and then
 * stopped, and the JVM writes the archive as it exits. The archive is kept in the module's
 * {@code target/devstack-cds/} under a name made from the JVM and the files of the build, so a new build
 * or another JDK trains a new one. The JVM checks the archive again at each start and runs without it if
 * it does not match. {@code DEVSTACK_CDS=off} turns it off.
 */
final class ClassDataArchive {

    /** The kind of archive a JVM makes: the JVM options to write one at exit and to map one. */
    enum Kind {
        APP_CDS(".jsa", "-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile=",
                List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off")),
        AOT_CACHE(".aot", "-XX:AOTCacheOutput=", "-XX:AOTCache=", List.of());

        final String extension;
        final String writeOption;
        final String useOption;
        final List<String> quietOptions;

        Kind(String extension, String writeOption, String useOption, List<String> quietOptions) {
            this.extension = extension;
            this.writeOption = writeOption;
            this.useOption = useOption;
            this.quietOptions = quietOptions;
        }

        /** The AOT cache from JDK 25, where one training run writes it (JEP 514); AppCDS before. */
        static Kind of(int javaFeatureVersion) {
            return javaFeatureVersion >= 25 ? AOT_CACHE : APP_CDS;
        }
    }

    private final Path file;
    private final Kind kind;

    private ClassDataArchive(Path file, Kind kind) {
        this.file = file;
        this.kind = kind;
    }

    /** The archive for the Quarkus application whose runner jar is given, for the JVM that runs this. */
    static ClassDataArchive forJar(Path jar) {
        return forJar(jar, Runtime.version().feature());
    }

    static ClassDataArchive forJar(Path jar, int javaFeatureVersion) {
        Path application = jar.getParent();
        Kind kind = Kind.of(javaFeatureVersion);
        return new ClassDataArchive(application.resolveSibling("devstack-cds").resolve(
                fingerprint(application, System.getProperty("java.home"), System.getProperty("java.vm.version"))
                        + kind.extension), kind);
    }

    static boolean enabled(Map<String, String> environment) {
        return !"off".equalsIgnoreCase(environment.getOrDefault("DEVSTACK_CDS", "on").trim());
    }

    Path file() {
        return file;
    }

    boolean exists() {
        return Files.isRegularFile(file);
    }

    /** The JVM options of a start that maps the archive. */
    List<String> useOptions() {
        return List.of(kind.useOption + file);
    }

    /** The JVM options of a training start: the archive is written, under a temporary name, at exit. */
    List<String> trainingOptions() {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> options = new ArrayList<>();
        options.add(kind.writeOption + trainingFile());
        options.addAll(kind.quietOptions);
        return options;
    }

    /**
     * After a training start that exited on its own: keeps what it wrote as the archive and deletes the
     * archives of earlier builds. Returns false, and keeps nothing, if it wrote nothing.
     */
    boolean keepTrained() {
        Path trained = trainingFile();
        try {
            if (!Files.isRegularFile(trained) || Files.size(trained) == 0) {
                Files.deleteIfExists(trained);
                return false;
            }
            Files.move(trained, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (Stream<Path> archives = Files.list(file.getParent())) {
                for (Path earlier : archives.filter(path -> !path.equals(file)).toList()) {
                    Files.deleteIfExists(earlier);
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After a training start that failed or had to be killed: its archive may be cut short. */
    void discardTraining() {
        try {
            Files.deleteIfExists(trainingFile());
            // JDK 25 writes the AOT configuration beside the cache and removes it once the cache is made.
            Files.deleteIfExists(trainingFile().resolveSibling(trainingFile().getFileName() + ".config"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path trainingFile() {
        return file.resolveSibling(file.getFileName() + ".training");
    }

    /** Names the JVM and every file of the build by path, size and time of change. */
    static String fingerprint(Path application, String javaHome, String vmVersion) {
        try (Stream<Path> files = Files.walk(application)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((javaHome + '\n' + vmVersion + '\n').getBytes(StandardCharsets.UTF_8));
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update((application.relativize(path) + " " + Files.size(path) + " "
                        + Files.getLastModifiedTime(path).toMillis() + '\n').getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
