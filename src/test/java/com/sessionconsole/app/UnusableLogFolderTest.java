package com.sessionconsole.app;

import com.sessionconsole.files.Json;
import com.sessionconsole.support.ChildJvm;
import com.sessionconsole.support.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log file lives in the data folder. When that folder cannot hold it (a regular file is in its place,
 * or a link to nowhere), a real run in its own JVM still prints only its output on stdout, says so in one
 * line on stderr, and exits as the command says.
 */
class UnusableLogFolderTest {
    @TempDir
    Path home;

    private Map<String, String> withUnusableDataFolder(String kind) throws Exception {
        Path data = home.resolve("data");
        if (kind.equals("regular file")) {
            Files.writeString(data, "not a folder");
        } else {
            Files.createSymbolicLink(data, home.resolve("gone").resolve("data"));
        }
        return Map.of("session-console.home", home.toString());
    }

    private static void oneLineAboutTheLog(ChildJvm.Result r) {
        assertThat(r.stackFrames()).as(r.err()).isEmpty();
        assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
        assertThat(r.err()).contains("log").doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"regular file", "dangling link"})
    void versionPrintsOnlyTheVersion(String kind) throws Exception {
        ChildJvm.Result r = ChildJvm.main(home, withUnusableDataFolder(kind), "--version");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).as(r.out()).hasSize(1).allMatch(l -> l.matches("session-console \\S+"));
        oneLineAboutTheLog(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"regular file", "dangling link"})
    void aJsonCommandPrintsOnlyItsJson(String kind) throws Exception {
        TestDatabase db = TestDatabase.get();
        db.resetTable();
        ChildJvm.Result r = ChildJvm.main(home, withUnusableDataFolder(kind), "summary", "--by", "ip", "--url", db.url(), "-U", db.settings().user(),
                "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).as("stdout").startsWith("[");
        assertThat(Json.parse(r.out())).isInstanceOf(List.class);
        oneLineAboutTheLog(r);
    }
}
