package com.sessionconsole.cli;

import com.sessionconsole.db.ConnectionString;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue #11: flags and connection strings mean what they mean to psql, and every wait is bounded. */
class ConnectLikePsqlTest {
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;

    private int port() {
        return com.sessionconsole.db.JdbcUrl.parse(db.url()).port();
    }

    @Test
    void aServerThatAcceptsTcpAndNeverAnswersFailsWithinTheConnectTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept()); // accepted, never answered: a half-open firewall or a stuck proxy
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long start = System.nanoTime();
            CliRunner.Run r = new CliRunner(home).run("", "summary", "--by", "ip", "-h", "127.0.0.1", "-p",
                    Integer.toString(silent.getLocalPort()), "-d", "x", "-U", "y");
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(r.code()).as(r.all()).isEqualTo(3);
            assertThat(r.err()).contains("127.0.0.1:" + silent.getLocalPort());
            assertThat(seconds).as("default connect-timeout-seconds is 10, with 5 s of slack").isBetween(9.0, 15.0);
        }
    }

    @Test
    void aTrustServerNeverSeesAPasswordPrompt() {
        List<String> prompts = new ArrayList<>();
        com.sessionconsole.workspace.WorkspaceFactory factory = new com.sessionconsole.workspace.WorkspaceFactory(
                new com.sessionconsole.workspace.AppDirs(home, home), java.util.Map.of("PGPASSFILE", "/nonexistent"), text -> {
                    prompts.add(text);
                    return java.util.Optional.of("not needed");
                }, java.time.Clock.systemUTC());
        try (var ws = factory.open(new com.sessionconsole.domain.ConnectionRequest(db.url(), "postgres", null, null, null, null,
                false, false, null), null, null)) {
            assertThat(ws.dao().serverTime()).isNotNull();
        }
        assertThat(prompts).isEmpty();
    }

    @Test
    void eachPsqlFlagMeansOnlyItselfNeverUrlSyntax() {
        db.resetTable();
        String port = Integer.toString(port());
        CliRunner.Run injected = new CliRunner(home).run("", "sessions", "-h", "localhost", "-p", port, "-U", "postgres",
                "-d", "postgres?options=-c%20default_transaction_read_only%3Don");
        assertThat(injected.code()).as(injected.all()).isEqualTo(3);
        assertThat(injected.err()).contains("postgres?options=-c%20default_transaction_read_only%3Don");

        db.exec("DROP DATABASE IF EXISTS \"d;=1+1 x\"");
        db.exec("CREATE DATABASE \"d;=1+1 x\"");
        CliRunner.Run oddName = new CliRunner(home).run("", "sessions", "-h", "localhost", "-p", port, "-U", "postgres", "-d", "d;=1+1 x");
        assertThat(oddName.code()).as("reached that database, which has no sessions table: %s", oddName.all()).isEqualTo(4);
        assertThat(oddName.err()).contains("/d;=1+1 x");

        CliRunner.Run hostList = new CliRunner(home).run("", "sessions", "-h", "127.0.0.1:1,localhost", "-p", port, "-U", "postgres");
        assertThat(hostList.code()).as(hostList.all()).isEqualTo(2);
        assertThat(hostList.err()).contains("is not one host name or address");
    }

    @Test
    void psqlStyleHostPortDbnameAndUserConnect() {
        db.resetTable();
        CliRunner.Run r = new CliRunner(home).run("", "summary", "--by", "ip", "-h", "localhost", "-p", Integer.toString(port()),
                "-d", "postgres", "-U", "postgres");
        assertThat(r.code()).as(r.all()).isZero();
        CliRunner.Run longForm = new CliRunner(home).run("", "sessions", "--host", "localhost", "--port", Integer.toString(port()),
                "--dbname", "postgres", "--db-user", "postgres");
        assertThat(longForm.code()).as(longForm.all()).isZero();
        CliRunner.Run both = new CliRunner(home).run("", "sessions", "--url", db.url(), "-h", "localhost");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("either --url or -h/-p/-d");
    }

    @Test
    void libpqUrisAndKeyValueStringsConnect() {
        db.resetTable();
        new com.sessionconsole.db.SessionWriter(db.admin()).insert(List.of(Rows.active(UUID.randomUUID(), Instant.now()).build()));
        for (String url : List.of("postgresql://postgres@localhost:" + port() + "/postgres?sslmode=disable",
                "host=localhost port=" + port() + " dbname=postgres user=postgres sslmode=disable",
                "host='localhost' port = " + port() + " dbname=postgres user=postgres")) {
            CliRunner.Run r = new CliRunner(home).run("", "sessions", "--format", "csv", "--url", url);
            assertThat(r.code()).as(url + "\n" + r.all()).isZero();
            assertThat(r.out().lines().count()).as(url).isEqualTo(2);
        }
    }

    @Test
    void connectionStringsBecomeJdbcUrlsWithoutTheirPassword() {
        ConnectionString uri = ConnectionString.parse("postgresql://ann:s3cret@db1:5433,[2001:db8::1]:5434/app?sslmode=verify-full"
                + "&target_session_attrs=read-write");
        assertThatThrownBy(() -> ConnectionString.parse("postgresql://h/d?application_name=bob")).hasMessageContaining("names every connection");
        assertThatThrownBy(() -> ConnectionString.parse("jdbc:postgresql://h/d?ApplicationName=bob")).hasMessageContaining("names every connection");
        assertThatThrownBy(() -> ConnectionString.parse("jdbc:postgresql://h/d?service=svc")).hasMessageContaining("service");
        assertThat(uri.jdbcUrl()).isEqualTo("jdbc:postgresql://db1:5433,[2001:db8::1]:5434/app?sslmode=verify-full"
                + "&targetServerType=primary");
        assertThat(uri.user()).isEqualTo("ann");
        assertThat(uri.hadPassword()).isTrue();
        assertThat(uri.jdbcUrl()).doesNotContain("s3cret");
        ConnectionString kv = ConnectionString.parse("host=h1,h2 port=5432,5433 dbname='my db' user=bob password='p w'");
        assertThat(kv.jdbcUrl()).isEqualTo("jdbc:postgresql://h1:5432,h2:5433/my%20db");
        assertThat(kv.user()).isEqualTo("bob");
        assertThat(kv.hadPassword()).isTrue();
        ConnectionString jdbc = ConnectionString.parse("jdbc:postgresql://h:1/d?user=u&password=p&ssl=true");
        assertThat(jdbc.jdbcUrl()).as("the user travels apart from the URL, so -U and the URL cannot disagree silently")
                .isEqualTo("jdbc:postgresql://h:1/d?ssl=true");
        assertThat(jdbc.user()).isEqualTo("u");
        assertThatThrownBy(() -> ConnectionString.parse("host=h sslmod=require")).hasMessageContaining("'sslmod'");
        assertThatThrownBy(() -> ConnectionString.parse("mysql://h/d")).hasMessageContaining("not a connection string");
        assertThatThrownBy(() -> ConnectionString.parse("host=/var/run/postgresql")).hasMessageContaining("Unix socket");
    }

    @Test
    void timeoutsInTheUrlCannotLiftTheConsolesBounds() {
        for (String url : List.of("jdbc:postgresql://h/d?loginTimeout=0", "jdbc:postgresql://h/d?socketTimeout=0&x=1",
                "postgresql://h/d?connect_timeout=0", "host=h connect_timeout=600")) {
            assertThatThrownBy(() -> ConnectionString.parse(url)).as(url).hasMessageContaining("bounds every wait itself");
        }
    }

    @Test
    void aMistypedUrlIsNeverEchoedWithItsPassword() {
        for (String url : List.of("postgresql:/u:TopSecret@h/db", "jdbc:postgresql://h:5432x/db?password=TopSecret",
                "jdbc:postgresql://u:TopSecret@h:5432x/db")) {
            CliRunner.Run r = new CliRunner(home).run("", "sessions", "--url", url);
            assertThat(r.code()).as(url).isEqualTo(2);
            assertThat(r.all()).as(url).doesNotContain("TopSecret").contains("***");
        }
    }

    @Test
    void aUrlUserThatDisagreesWithMinusUIsRefused() {
        CliRunner.Run r = new CliRunner(home).run("", "sessions", "--url", db.url() + "?user=alice", "-U", "postgres");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("says user alice but the database user is postgres");
        CliRunner.Run replica = new CliRunner(home).run("", "sessions", "--url", db.url(), "--read-url",
                "postgresql://alice@localhost:" + port() + "/postgres", "-U", "postgres");
        assertThat(replica.code()).isEqualTo(2);
        assertThat(replica.err()).contains("says user alice");
    }

    @Test
    void userIsAlwaysAUserIdFilterAndPointsAtDbUser() {
        for (String[] args : List.of(new String[]{"sessions", "--user", "alice"}, new String[]{"history", "--user", "alice"},
                new String[]{"revoke", "--user", "alice", "--reason", "x"}, new String[]{"findings", "--user", "alice"})) {
            CliRunner.Run r = new CliRunner(home).run("", args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).contains("is not a user id").contains("(for the database user use -U/--db-user)");
        }
        CliRunner.Run summary = new CliRunner(home).run("", "summary", "--by", "ip", "--user", "postgres");
        assertThat(summary.code()).isEqualTo(2);
        assertThat(summary.err()).contains("is not a user id").contains("(for the database user use -U/--db-user)");
    }

    @Test
    void helpIsQuestionMarkOrHelpOnEveryCommandBecauseMinusHIsTheHost() {
        for (String[] args : List.of(new String[]{"-?"}, new String[]{"--help"}, new String[]{"summary", "-?"},
                new String[]{"revoke", "--help"}, new String[]{"audit", "-?"})) {
            CliRunner.Run r = new CliRunner(home).run("", args);
            assertThat(r.code()).as(String.join(" ", args)).isZero();
            assertThat(r.out()).contains("Usage:");
        }
        // described once, in the root's help; every command names them in one line
        assertThat(new CliRunner(home).run("", "-?").out()).contains("-h, --host=HOST").contains("-U, --db-user=NAME");
        assertThat(new CliRunner(home).run("", "summary", "-?").out()).contains("Connection: -h HOST -p PORT -d DBNAME -U NAME");
    }
}
