package com.sessionconsole.app;

import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.workspace.WorkspaceFactory;
import com.sessionconsole.workspace.ConfigFile;
import com.sessionconsole.workspace.AppDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue #10 §5: a typo or a doubtful value in the configuration is an error, never a silent default. */
class ConfigFailClosedTest {
    @TempDir
    Path home;

    /** Some tests connect: the table must exist even when this class runs alone. */
    @org.junit.jupiter.api.BeforeAll
    static void table() {
        TestDatabase.get().resetTable();
    }

    private Path config(String text) throws Exception {
        Path f = home.resolve("c-" + System.nanoTime() + ".properties");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void anOversizedConfigIsRefusedBeforeItIsReadAndNotEchoed() throws Exception {
        Path huge = home.resolve("huge.properties");
        Files.writeString(huge, "x".repeat(200_000) + "=1\n");
        assertThatThrownBy(() -> ConfigFile.load(huge)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("200003 bytes").satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
        Path longKey = home.resolve("long-key.properties");
        Files.writeString(longKey, "y".repeat(5_000) + "=1\n");
        assertThatThrownBy(() -> ConfigFile.load(longKey)).satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
    }

    @Test
    void aConfigInAFolderOthersCanWriteIsRefusedUnlessTheFolderIsSticky() throws Exception {
        Path open = Files.createDirectory(home.resolve("open"));
        Path config = open.resolve("config.properties");
        Files.writeString(config, "read-only=true\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> ConfigFile.load(config)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("can be written by others (mode 777)").hasMessageContaining("chmod go-w " + open);
        new ProcessBuilder("chmod", "1777", open.toString()).start().waitFor();
        assertThat(ConfigFile.load(config).readOnly()).as("others cannot delete or replace a file in a sticky folder").isTrue();
    }

    @Test
    void aConfigThatIsNotARegularFileIsRefusedWithoutReadingIt() throws Exception {
        Path fifo = home.resolve("config.fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThatThrownBy(() -> ConfigFile.load(fifo)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a regular file");
    }

    @Test
    void aDefaultConfigWhoseExistenceCannotBeCheckedIsRefusedNotIgnored() throws Exception {
        // as root every folder can be searched, so the same "cannot tell" comes from a file where the folder should be
        Path notAFolder = home.resolve("config-folder");
        Files.writeString(notAFolder, "read-only=true\n");
        AppDirs dirs = new AppDirs(notAFolder, home);
        assertThat(Files.exists(dirs.configFile())).isFalse();
        assertThatThrownBy(() -> ConfigFile.loadDefault(dirs.configFile())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot tell whether the config file").hasMessageContaining(notAFolder.toString());
        assertThat(ConfigFile.loadDefault(home.resolve("absent").resolve("config.properties"))).isEqualTo(ConfigFile.EMPTY);
    }

    @Test
    void readOnlyAcceptsEveryCommonSpellingOfYesAndNo() throws Exception {
        for (String yes : new String[]{"true", "yes", "on", "1", "YES", " On "}) {
            assertThat(ConfigFile.load(config("read-only=" + yes)).readOnly()).as(yes).isTrue();
        }
        for (String no : new String[]{"false", "no", "off", "0", "No"}) {
            assertThat(ConfigFile.load(config("read-only=" + no)).readOnly()).as(no).isFalse();
        }
    }

    @Test
    void anythingElseForReadOnlyIsAnError() throws Exception {
        for (String doubtful : new String[]{"maybe", "ture", "y", "2", ""}) {
            Path f = config("read-only=" + doubtful);
            assertThatThrownBy(() -> ConfigFile.load(f)).as(doubtful).hasMessageContaining("read-only").hasMessageContaining("true or false");
        }
    }

    @Test
    void unknownKeysAreErrorsWithADidYouMean() throws Exception {
        Path readonly = config("readonly=true");
        assertThatThrownBy(() -> ConfigFile.load(readonly)).hasMessageContaining("unknown key 'readonly'")
                .hasMessageContaining("did you mean 'read-only'");
        Path underscores = config("protected_users=3f2c9a1e-0b7d-4c55-9e0a-1d2b3c4d5e6f");
        assertThatThrownBy(() -> ConfigFile.load(underscores)).hasMessageContaining("did you mean 'protected-users'");
    }

    @Test
    void aKeyGivenTwiceIsAnErrorSoALaterLineCannotDropProtection() throws Exception {
        Path twice = config("protected-users=3f2c9a1e-0b7d-4c55-9e0a-1d2b3c4d5e6f\nprotected-users=\n");
        assertThatThrownBy(() -> ConfigFile.load(twice)).hasMessageContaining("'protected-users' appears more than once");
        Path readOnly = config("read-only=true\nread-only=false\n");
        assertThatThrownBy(() -> ConfigFile.load(readOnly)).hasMessageContaining("'read-only' appears more than once");
    }

    @Test
    void aNamedConfigThatDoesNotExistIsAnErrorWithExitCode2() throws Exception {
        CliRunner.Run missing = new CliRunner(home).run("", "summary", "--by", "ip", "--config", home.resolve("nope.properties").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist");
        Path dangling = home.resolve("dangling.properties");
        Files.createSymbolicLink(dangling, home.resolve("gone.properties"));
        CliRunner.Run link = new CliRunner(home).run("", "summary", "--by", "ip", "--config", dangling.toString());
        assertThat(link.code()).isEqualTo(2);
        assertThat(link.err()).contains("symlink to a file that does not exist");
    }

    @Test
    void aPasswordInTheUrlIsStrippedAndTheWarningShowsEvenWhenTheConnectionFails() throws Exception {
        Path f = config("url=jdbc:postgresql://127.0.0.1:1/nowhere?password=hunter2&sslmode=disable\n");
        CliRunner.Run r = new CliRunner(home).run("", "summary", "--by", "ip", "--config", f.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("warning: the connection string of --url contains a password: it was ignored")
                .contains("127.0.0.1:1").doesNotContain("hunter2");
    }

    @Test
    void aPasswordInAWorkingUrlIsNotUsed() throws Exception {
        Path f = config("url=" + TestDatabase.get().url() + "?password=hunter2\n");
        CliRunner.Run r = new CliRunner(home).run("", "summary", "--by", "ip", "--config", f.toString(), "-U", "postgres");
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.err()).contains("contains a password: it was ignored");
    }

    @Test
    void aPgpassThatOthersCanReadIsIgnoredWithAWarning() throws Exception {
        Path pgpass = home.resolve("pgpass");
        Files.writeString(pgpass, "*:*:*:*:secret\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));
        StringBuilder warnings = new StringBuilder();
        WorkspaceFactory factory = new WorkspaceFactory(new AppDirs(home, home), Map.of("PGPASSFILE", pgpass.toString()),
                x -> Optional.empty(), java.time.Clock.systemUTC(), w -> warnings.append(w).append('\n'));
        try (var ws = factory.open(new com.sessionconsole.domain.ConnectionRequest(TestDatabase.get().url(), "postgres", null, null, null,
                null, false, false, null), null, null)) {
            assertThat(ws.dao().serverTime()).isNotNull();
        }
        assertThat(warnings.toString()).contains("can be read by others (rw-r--r--)").contains("chmod 0600");
    }

    @Test
    void aConfigFileOthersCanWriteIsRefusedWithTheCommandThatFixesIt() throws Exception {
        for (String mode : new String[]{"rw-rw-rw-", "rw-rw-r--", "rw-r---w-"}) {
            Path f = config("read-only=true\n");
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
            assertThatThrownBy(() -> ConfigFile.load(f)).as(mode).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(f.toString()).hasMessageContaining(mode).hasMessageContaining("chmod 600 " + f);
        }
        Path f = config("read-only=true\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(ConfigFile.load(f).readOnly()).as("readable by others is fine: it holds no secret").isTrue();
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-rw-"));
        CliRunner.Run r = new CliRunner(home).run("", "sessions", "--config", f.toString());
        assertThat(r.code()).as(r.all()).isEqualTo(2);
        assertThat(r.err()).contains("chmod 600 " + f);
    }

    @Test
    void aConfigFileOwnedByAnotherUserIsRefusedWithTheCommandThatFixesIt() throws Exception {
        Path f = config("protected-users=3f2c9a1e-0b7d-4c55-9e0a-1d2b3c4d5e6f\n");
        Process chown = new ProcessBuilder("chown", "65534", f.toString()).inheritIO().start();
        assertThat(chown.waitFor()).as("chown 65534 (the tests run as root)").isZero();
        assertThatThrownBy(() -> ConfigFile.load(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("not to you")
                .hasMessageContaining("chown " + System.getProperty("user.name") + " " + f);
    }
}
