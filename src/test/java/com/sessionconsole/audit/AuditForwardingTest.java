package com.sessionconsole.audit;

import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue #14 §6: every intent and outcome record also reaches a SIEM as RFC 5424 syslog, without ever blocking a revoke. */
class AuditForwardingTest {
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;
    NewSession target;

    @BeforeEach
    void fill() {
        SessionWriter writer = db.resetTable();
        target = Rows.active(UUID.randomUUID(), Instant.now()).build();
        writer.insert(List.of(target, Rows.active(UUID.randomUUID(), Instant.now()).build()));
    }

    private Path config(String syslog) throws IOException {
        Path f = home.resolve("c.properties");
        Files.writeString(f, "url=" + db.url() + "\nuser=postgres\naudit-syslog=" + syslog + "\n");
        return f;
    }

    /** Reads octet-counted frames (RFC 6587) from every connection. */
    static final class TcpCollector implements AutoCloseable {
        final ServerSocket server;
        final List<String> frames = new CopyOnWriteArrayList<>();

        TcpCollector(int port) throws IOException {
            server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept(); DataInputStream in = new DataInputStream(s.getInputStream())) {
                        while (true) {
                            ByteArrayOutputStream len = new ByteArrayOutputStream();
                            int c;
                            while ((c = in.read()) != ' ') {
                                if (c < 0) {
                                    throw new IOException("closed");
                                }
                                len.write(c);
                            }
                            byte[] frame = new byte[Integer.parseInt(len.toString(StandardCharsets.US_ASCII))];
                            in.readFully(frame);
                            frames.add(new String(frame, StandardCharsets.UTF_8));
                        }
                    } catch (IOException | RuntimeException e) {
                        // the sender closed; wait for the next one
                    }
                }
            });
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private static void awaitFrames(List<String> frames, int n) throws InterruptedException {
        for (int i = 0; i < 100 && frames.size() < n; i++) {
            Thread.sleep(50);
        }
    }

    @Test
    void intentAndOutcomeReachATcpCollectorAsTheExactLines() throws Exception {
        try (TcpCollector collector = new TcpCollector(0)) {
            CliRunner.Run r = new CliRunner(home).run("", "revoke", "--ids", target.id().toString(), "--reason", "siem", "--yes",
                    "--config", config("tcp://127.0.0.1:" + collector.server.getLocalPort()).toString());
            assertThat(r.code()).as(r.all()).isZero();
            awaitFrames(collector.frames, 2);
            List<String> lines = Files.readAllLines(home.resolve("audit.jsonl"));
            assertThat(collector.frames).hasSize(2);
            assertThat(collector.frames.get(0)).matches("<85>1 \\S+ \\S+ session-console \\d+ intent - \\{.*")
                    .endsWith(" - " + lines.get(0));
            assertThat(collector.frames.get(1)).contains(" session-console ").contains(" outcome - ").endsWith(" - " + lines.get(1));
        }
    }

    @Test
    void udpWorksToo() throws Exception {
        try (DatagramSocket collector = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            collector.setSoTimeout(5000);
            CliRunner.Run r = new CliRunner(home).run("", "revoke", "--ids", target.id().toString(), "--reason", "siem", "--yes",
                    "--config", config("udp://127.0.0.1:" + collector.getLocalPort()).toString());
            assertThat(r.code()).as(r.all()).isZero();
            byte[] buf = new byte[65536];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            collector.receive(p);
            assertThat(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8)).contains(" session-console ").contains(" intent - ");
        }
    }

    @Test
    void aRecordTooLargeForOneDatagramIsSentAsAStandInAndDoesNotBlockTheRest() throws Exception {
        List<NewSession> many = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            many.add(Rows.active(UUID.randomUUID(), Instant.now()).ip("203.0.113.77").build());
        }
        new SessionWriter(db.admin()).insert(many);
        try (DatagramSocket collector = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            collector.setSoTimeout(5000);
            CliRunner.Run r = new CliRunner(home).run("", "revoke", "--ip", "203.0.113.77", "--reason", "big", "--yes",
                    "--config", config("udp://127.0.0.1:" + collector.getLocalPort()).toString());
            assertThat(r.code()).as(r.all()).isZero();
            List<String> got = new java.util.ArrayList<>();
            byte[] buf = new byte[65536];
            for (int i = 0; i < 2; i++) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                collector.receive(p);
                got.add(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
            }
            assertThat(got.get(0)).contains(" intent - ").contains("\"truncated\":true").contains("full record is in the analyst's local audit log");
            assertThat(got.get(1)).contains(" outcome - ");
            assertThat(got.get(0)).matches("<85>1 \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,6})?Z .*");
        }
    }

    @Test
    void aCollectorThatRefusesNeverBlocksARevokeAndItsLinesAreSentLater() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: connections are refused
        }
        long start = System.nanoTime();
        CliRunner.Run r = new CliRunner(home).run("", "revoke", "--ids", target.id().toString(), "--reason", "siem down", "--yes",
                "--config", config("tcp://127.0.0.1:" + port).toString());
        assertThat(r.code()).as(r.all()).isZero();
        assertThat((System.nanoTime() - start) / 1e9).as("seconds, the forwarder's grace at exit included").isLessThan(8);
        List<String> lines = Files.readAllLines(home.resolve("audit.jsonl"));
        assertThat(lines).hasSize(2);
        assertThat(db.count("SELECT count(*) FROM public.user_sessions WHERE id = ? AND is_active", target.id())).isZero();
        try (TcpCollector collector = new TcpCollector(port)) {
            CliRunner.Run next = new CliRunner(home).run("", "sessions", "--config", config("tcp://127.0.0.1:" + port).toString());
            assertThat(next.code()).as(next.all()).isZero();
            awaitFrames(collector.frames, 2);
            assertThat(collector.frames).hasSize(2);
            assertThat(collector.frames.get(1)).endsWith(" - " + lines.get(1));
        }
    }

    @Test
    void aBadSyslogAddressIsAConfigError() throws Exception {
        CliRunner.Run r = new CliRunner(home).run("", "sessions", "--config", config("syslog.example.com:514").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("tcp://HOST:PORT or udp://HOST:PORT");
        for (String bad : List.of("http://x:1", "tcp://127.0.0.1:99999", "tcp://u:pw@host:514", "udp://host", "tcp://host:514/path")) {
            assertThatThrownBy(() -> SyslogTarget.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
