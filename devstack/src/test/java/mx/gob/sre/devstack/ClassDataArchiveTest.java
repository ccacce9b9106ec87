package mx.gob.sre.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassDataArchiveTest {

    @TempDir
    Path target;

    private Path application;
    private Path jar;

    @BeforeEach
    void build() throws IOException {
        application = Files.createDirectories(target.resolve("quarkus-app"));
        jar = Files.writeString(application.resolve("quarkus-run.jar"), "runner");
        Files.createDirectories(application.resolve("lib/main"));
        Files.writeString(application.resolve("lib/main/library.jar"), "library");
    }

    @Test
    void aNewBuildOrAnotherJvmNamesAnotherArchive() throws IOException {
        String built = ClassDataArchive.fingerprint(application, "/jdk", "17.0.15");
        assertThat(ClassDataArchive.fingerprint(application, "/jdk", "17.0.15")).isEqualTo(built);
        assertThat(ClassDataArchive.fingerprint(application, "/jdk", "21.0.1")).isNotEqualTo(built);
        assertThat(ClassDataArchive.fingerprint(application, "/other-jdk", "17.0.15")).isNotEqualTo(built);

        Path library = application.resolve("lib/main/library.jar");
        Files.setLastModifiedTime(library, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        String touched = ClassDataArchive.fingerprint(application, "/jdk", "17.0.15");
        assertThat(touched).isNotEqualTo(built);
        Files.writeString(library, "library, rebuilt");
        Files.setLastModifiedTime(library, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(ClassDataArchive.fingerprint(application, "/jdk", "17.0.15")).isNotEqualTo(touched);
    }

    @ParameterizedTest
    @CsvSource({
        "17, .jsa, -XX:SharedArchiveFile=, -XX:ArchiveClassesAtExit=",
        "24, .jsa, -XX:SharedArchiveFile=, -XX:ArchiveClassesAtExit=",
        "25, .aot, -XX:AOTCache=, -XX:AOTCacheOutput="})
    void theArchiveLivesBesideTheBuildAndIsTheKindTheJvmMakesBest(int javaVersion, String extension,
            String useOption, String writeOption) {
        ClassDataArchive archive = ClassDataArchive.forJar(jar, javaVersion);
        assertThat(archive.file().getParent()).isEqualTo(target.resolve("devstack-cds"));
        assertThat(archive.file().getFileName().toString()).endsWith(extension);
        assertThat(archive.useOptions()).containsExactly(useOption + archive.file());
        assertThat(archive.trainingOptions().get(0)).isEqualTo(writeOption + archive.file() + ".training");
    }

    @Test
    void aCutShortAotTrainingLeavesNeitherCacheNorConfiguration() throws IOException {
        ClassDataArchive archive = ClassDataArchive.forJar(jar, 25);
        Path written = written(archive);
        Files.writeString(written, "cut short");
        Path configuration = written.resolveSibling(written.getFileName() + ".config");
        Files.writeString(configuration, "classes seen so far");
        archive.discardTraining();
        assertThat(written).doesNotExist();
        assertThat(configuration).doesNotExist();
        assertThat(archive.exists()).isFalse();
    }

    private static Path written(ClassDataArchive archive) {
        String option = archive.trainingOptions().get(0);
        return Path.of(option.substring(option.indexOf('=') + 1));
    }

    @Test
    void whatATrainingWroteAtExitBecomesTheArchiveAndEarlierBuildsGo() throws IOException {
        ClassDataArchive archive = ClassDataArchive.forJar(jar);
        archive.trainingOptions(); // makes the folder
        Path earlier = Files.writeString(target.resolve("devstack-cds/0123456789abcdef.jsa"), "an earlier build");
        Path written = written(archive);
        assertThat(written.getParent()).isEqualTo(archive.file().getParent());
        Files.writeString(written, "classes");

        assertThat(archive.keepTrained()).isTrue();

        assertThat(archive.exists()).isTrue();
        assertThat(Files.readString(archive.file())).isEqualTo("classes");
        assertThat(written).doesNotExist();
        assertThat(earlier).doesNotExist();
    }

    @Test
    void aTrainingThatWroteNothingOrFailedLeavesNoArchive() throws IOException {
        ClassDataArchive archive = ClassDataArchive.forJar(jar);
        Path written = written(archive);
        Files.createFile(written);
        assertThat(archive.keepTrained()).isFalse();
        assertThat(archive.exists()).isFalse();
        assertThat(written).doesNotExist();

        Files.writeString(written, "cut short");
        archive.discardTraining();
        assertThat(written).doesNotExist();
        assertThat(archive.exists()).isFalse();
    }

    @Test
    void onUnlessTurnedOff() {
        assertThat(ClassDataArchive.enabled(Map.of())).isTrue();
        assertThat(ClassDataArchive.enabled(Map.of("DEVSTACK_CDS", "on"))).isTrue();
        assertThat(ClassDataArchive.enabled(Map.of("DEVSTACK_CDS", "OFF"))).isFalse();
    }
}
