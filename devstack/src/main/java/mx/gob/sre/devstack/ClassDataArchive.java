package mx.gob.sre.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The class-data archive of one service (AppCDS, a dynamic archive of JEP 350): the classes that a start
 * loads, parsed and verified once and then mapped by every later start, which makes a start about a
 * quarter shorter (bench/README.md). It is trained once per build: the service is started against the
 * stack until it is live and then stopped, and the JVM writes the archive as it exits. The archive is kept
 * in the module's {@code target/devstack-cds/} under a name made from the JVM and the files of the build,
 * so a new build or another JDK trains a new one. The JVM checks the archive again at each start and runs
 * without it if it does not match. {@code DEVSTACK_CDS=off} turns it off.
 */
final class ClassDataArchive {

    private final Path file;

    private ClassDataArchive(Path file) {
        this.file = file;
    }

    /** The archive for the Quarkus application whose runner jar is given. */
    static ClassDataArchive forJar(Path jar) {
        Path application = jar.getParent();
        return new ClassDataArchive(application.resolveSibling("devstack-cds").resolve(
                fingerprint(application, System.getProperty("java.home"), System.getProperty("java.vm.version"))
                        + ".jsa"));
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
        return List.of("-XX:SharedArchiveFile=" + file);
    }

    /** The JVM options of a training start: the archive is written, under a temporary name, at exit. */
    List<String> trainingOptions() {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of("-XX:ArchiveClassesAtExit=" + trainingFile(), "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
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
