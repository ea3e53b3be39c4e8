package com.sessionconsole.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the password file is looked for, as libpq and pgjdbc look, and how a line is matched. */
class PgPassFileTest {
    @TempDir
    Path home;

    @Test
    void pgpassfileWinsThenAppDataOnWindowsThenTheHomeFolder() {
        Path appData = home.resolve("AppData");
        assertThat(PgPassFile.standard(Map.of("PGPASSFILE", "/etc/pw", "APPDATA", appData.toString()), true, home).file())
                .isEqualTo(Path.of("/etc/pw"));
        assertThat(PgPassFile.standard(Map.of("APPDATA", appData.toString()), true, home).file())
                .isEqualTo(appData.resolve("postgresql").resolve("pgpass.conf"));
        assertThat(PgPassFile.standard(Map.of("APPDATA", appData.toString()), false, home).file()).isEqualTo(home.resolve(".pgpass"));
    }

    @Test
    void eachHostOfAMultiHostUrlIsLookedUpInOrderWithEscapesAndWildcards() throws Exception {
        Path file = home.resolve(".pgpass");
        Files.writeString(file, """
                # comment
                db1:5432:other:analyst:not-this-one
                db2:5433:sessions:analyst:pa\\:ss
                *:*:*:analyst:fallback
                """);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        PgPassFile pgpass = new PgPassFile(file);
        assertThat(pgpass.permissionProblem()).isNull();
        assertThat(pgpass.find(JdbcUrl.parse("jdbc:postgresql://db1,db2:5433/sessions"), "analyst")).contains("fallback");
        assertThat(new PgPassFile(writeWithout(file, "*:*:*")).find(JdbcUrl.parse("jdbc:postgresql://db1,db2:5433/sessions"), "analyst"))
                .as("db1 has no line for this database: db2's").contains("pa:ss");
        assertThat(pgpass.find(JdbcUrl.parse("jdbc:postgresql://[::1]:5432/x"), "analyst")).contains("fallback");
    }

    @Test
    void aFileOthersCanReadIsRefusedWithTheReason() throws Exception {
        Path file = Files.writeString(home.resolve("pw"), "*:*:*:*:secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(new PgPassFile(file).permissionProblem()).contains("can be read by others (rw-r--r--)").contains("chmod 0600");
    }

    private Path writeWithout(Path file, String prefix) throws Exception {
        Path copy = home.resolve("copy");
        Files.write(copy, Files.readAllLines(file).stream().filter(l -> !l.startsWith(prefix)).toList());
        return copy;
    }
}
