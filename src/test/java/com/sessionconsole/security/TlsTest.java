package com.sessionconsole.security;

import com.sessionconsole.db.ConnectionSettings;
import com.sessionconsole.db.DatabaseException;
import com.sessionconsole.db.EmbeddedDatabase;
import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.support.TestWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PostgreSQL with ssl=on and a server certificate signed by a CA made here with the JDK's keytool:
 * sslmode=verify-full connects with that CA and is refused with another one.
 */
class TlsTest {
    static Path dir;
    static EmbeddedDatabase server;

    @BeforeAll
    static void startTlsServer() throws Exception {
        dir = Files.createTempDirectory("tls");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=Test CA", "-ext", "bc:c",
                "-validity", "2", "-keystore", "ca.p12");
        keytool("-genkeypair", "-alias", "other", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=Other CA", "-ext", "bc:c",
                "-validity", "2", "-keystore", "other.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-validity", "2", "-keystore", "server.p12");
        keytool("-certreq", "-alias", "server", "-keystore", "server.p12", "-file", "server.csr");
        keytool("-gencert", "-alias", "ca", "-keystore", "ca.p12", "-infile", "server.csr", "-outfile", "server.crt", "-rfc",
                "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "2");
        keytool("-exportcert", "-alias", "ca", "-keystore", "ca.p12", "-rfc", "-file", "ca.pem");
        keytool("-exportcert", "-alias", "other", "-keystore", "other.p12", "-rfc", "-file", "other.pem");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(dir.resolve("server.p12"))) {
            ks.load(in, "changeit".toCharArray());
        }
        PrivateKey key = (PrivateKey) ks.getKey("server", "changeit".toCharArray());
        Path keyFile = dir.resolve("server.key");
        Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()));
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        server = EmbeddedDatabase.start(Map.of("ssl", "on",
                "ssl_cert_file", dir.resolve("server.crt").toString(),
                "ssl_key_file", keyFile.toString()));
        new SessionWriter(server.adminDataSource()).createTable();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-storepass", "changeit", "-keypass", "changeit", "-storetype", "PKCS12", "-noprompt"));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", args) + "\n" + out).isZero();
    }

    private ConnectionSettings settings(String caFile) {
        String url = "jdbc:postgresql://localhost:" + server.port() + "/postgres?sslmode=verify-full&sslrootcert=" + dir.resolve(caFile);
        return new ConnectionSettings(url, EmbeddedDatabase.USER, null, null, false, null, null, false);
    }

    @Test
    void verifyFullConnectsWithTheRightCa() throws Exception {
        try (Workspace ws = TestWorkspace.open(Files.createTempDirectory("tls-home"), settings("ca.pem"), Set.of())) {
            assertThat(ws.dao().serverTime()).isNotNull();
        }
        assertThat(server.adminDataSource().getConnection().createStatement()
                .executeQuery("SELECT count(*) FROM pg_stat_ssl WHERE ssl").next()).isTrue();
    }

    /**
     * Issue #11: a server that authenticates by client certificate never asks for a password, so the
     * console must not either. Its own pg_hba.conf allows the role 'certuser' only with a certificate.
     */
    @Test
    void aClientCertificateLoginNeverPrompts() throws Exception {
        // pgjdbc's PKCS#12 key manager reads the key stored under the alias "user"
        keytool("-genkeypair", "-alias", "user", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=certuser",
                "-validity", "2", "-keystore", "client.p12");
        keytool("-certreq", "-alias", "user", "-keystore", "client.p12", "-file", "client.csr");
        keytool("-gencert", "-alias", "ca", "-keystore", "ca.p12", "-infile", "client.csr", "-outfile", "client.crt", "-rfc", "-validity", "2");
        keytool("-importcert", "-alias", "ca", "-file", "ca.pem", "-keystore", "client.p12");
        keytool("-importcert", "-alias", "user", "-file", "client.crt", "-keystore", "client.p12");
        Path hba = dir.resolve("cert_hba.conf");
        Files.writeString(hba, "local all all trust\nhost all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust\n"
                + "hostssl all certuser 127.0.0.1/32 cert\nhostssl all certuser ::1/128 cert\n");
        try (EmbeddedDatabase certServer = EmbeddedDatabase.start(Map.of("ssl", "on",
                "ssl_cert_file", dir.resolve("server.crt").toString(), "ssl_key_file", dir.resolve("server.key").toString(),
                "ssl_ca_file", dir.resolve("ca.pem").toString(), "hba_file", hba.toString()))) {
            SessionWriter admin = new SessionWriter(certServer.adminDataSource());
            admin.createTable();
            admin.execute("CREATE ROLE certuser LOGIN");
            admin.execute("GRANT SELECT ON public.user_sessions TO certuser");
            String url = "jdbc:postgresql://localhost:" + certServer.port() + "/postgres?sslmode=verify-full&sslrootcert="
                    + dir.resolve("ca.pem") + "&sslkey=" + dir.resolve("client.p12") + "&sslpassword=changeit";
            List<String> prompts = new java.util.ArrayList<>();
            Path home = Files.createTempDirectory("cert-home");
            try (Workspace ws = new com.sessionconsole.workspace.WorkspaceFactory(new com.sessionconsole.workspace.AppDirs(home, home),
                    Map.of("PGPASSFILE", "/nonexistent"), text -> {
                        prompts.add(text);
                        return java.util.Optional.empty();
                    }, java.time.Clock.systemUTC())
                    .open(new com.sessionconsole.domain.ConnectionRequest(url, "certuser", null, null, null, null, false, false, null), null, null)) {
                assertThat(ws.dao().serverTime()).isNotNull();
            }
            assertThat(prompts).isEmpty();
        }
    }

    @Test
    void verifyFullIsRefusedWithAnotherCa() {
        assertThatThrownBy(() -> TestWorkspace.open(Files.createTempDirectory("tls-home"), settings("other.pem"), Set.of()))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("TLS check failed for localhost:" + server.port())
                .hasMessageContaining("sslrootcert");
    }
}
