package com.sessionconsole.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.sessionconsole.files.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;

/**
 * Sends every audit record (intent and outcome) to a SIEM as RFC 5424 syslog: app-name
 * {@code session-console}, the record type as MSGID, the JSON line as the message; over TCP with
 * octet-counting framing (RFC 6587), or over UDP. The local file stays the record of truth: delivery runs
 * on its own thread and never blocks a revoke, and a byte offset kept beside the file
 * ({@code audit.jsonl.forwarded}) says how far delivery got, so undelivered lines are retried, later in
 * this run or by the next one.
 */
public final class SyslogForwarder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SyslogForwarder.class);
    private static final int PRI = 10 * 8 + 5; // facility authpriv, severity notice
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** Below the 65,507-byte limit of a UDP datagram over IPv4, with room for the syslog header. */
    static final int MAX_UDP_MESSAGE = 60_000;

    private final AuditLog audit;
    private final SyslogTarget target;
    private final Path offsetFile;
    private final Clock clock;
    private final String hostname;
    private final Object lock = new Object();
    private final Thread worker;
    private boolean wanted = true;
    private boolean closing;
    private Socket tcp;

    public SyslogForwarder(AuditLog audit, SyslogTarget target, Clock clock, String hostname) {
        this.audit = audit;
        this.target = target;
        this.offsetFile = audit.file().resolveSibling(audit.file().getFileName() + ".forwarded");
        this.clock = clock;
        // RFC 5424: printable US-ASCII without spaces, at most 255
        String h = hostname.replaceAll("[^\\x21-\\x7e]", "-");
        this.hostname = h.isEmpty() ? "-" : h.substring(0, Math.min(255, h.length()));
        this.worker = new Thread(this::run, "audit-syslog");
        worker.setDaemon(true);
        worker.start();
    }

    /** Called after each append: delivers what is new, on the forwarder's thread. */
    public void wake() {
        synchronized (lock) {
            wanted = true;
            lock.notifyAll();
        }
    }

    private void run() {
        Duration backoff = Duration.ofMillis(500);
        while (true) {
            synchronized (lock) {
                while (!wanted && !closing) {
                    waitQuietly(0);
                }
                if (closing && !wanted) {
                    return;
                }
                wanted = false;
            }
            try {
                deliverPending();
                backoff = Duration.ofMillis(500);
            } catch (IOException | RuntimeException e) {
                log.warn("audit records not delivered to {} yet ({}); retrying in {} s; the local audit log is complete",
                        target, e.getMessage(), backoff.toSeconds());
                closeTcp();
                synchronized (lock) {
                    if (closing) {
                        return;
                    }
                    waitQuietly(backoff.toMillis());
                    wanted = true;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void waitQuietly(long millis) {
        try {
            lock.wait(millis);
        } catch (InterruptedException e) {
            closing = true;
        }
    }

    /** Sends every complete line after the recorded offset, moving the offset after each one. */
    private void deliverPending() throws IOException {
        if (!Files.exists(audit.file())) {
            return;
        }
        long offset = readOffset();
        try (RandomAccessFile f = new RandomAccessFile(audit.file().toFile(), "r")) {
            if (offset > f.length()) {
                offset = 0; // the file was replaced: start again
            }
            f.seek(offset);
            byte[] rest = new byte[(int) Math.min(Integer.MAX_VALUE - 8, f.length() - offset)];
            f.readFully(rest);
            int start = 0;
            for (int i = 0; i < rest.length; i++) {
                if (rest[i] == '\n') {
                    String line = new String(rest, start, i - start, StandardCharsets.UTF_8);
                    if (!line.isBlank()) {
                        send(line);
                    }
                    start = i + 1;
                    writeOffset(offset + start);
                }
            }
        }
    }

    private void send(String line) throws IOException {
        byte[] message = frame(line).getBytes(StandardCharsets.UTF_8);
        if (!target.tcp() && message.length > MAX_UDP_MESSAGE) {
            // one datagram cannot carry it (a revoke of thousands of ids): send what identifies it, never block the rest
            message = frame(oversized(line)).getBytes(StandardCharsets.UTF_8);
        }
        if (target.tcp()) {
            if (tcp == null) {
                tcp = new Socket();
                tcp.connect(new InetSocketAddress(target.host(), target.port()), 2000);
            }
            OutputStream out = tcp.getOutputStream();
            out.write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(message);
            out.flush();
        } else {
            try (DatagramSocket udp = new DatagramSocket()) {
                udp.send(new DatagramPacket(message, message.length, new InetSocketAddress(target.host(), target.port())));
            }
        }
    }

    /** A stand-in for a record too large for UDP: its type, revoke id, size and hash; the full line stays in the local log. */
    private static String oversized(String line) {
        Object record = null;
        Object revokeId = null;
        try {
            if (Json.parse(line) instanceof Map<?, ?> full) {
                record = full.get("record");
                revokeId = full.get("revoke_id");
            }
        } catch (RuntimeException e) {
            record = "unreadable";
        }
        return Json.write(new Oversized(record, revokeId, true, line.getBytes(StandardCharsets.UTF_8).length,
                HexFormat.of().formatHex(sha256(line)), "too large for one UDP datagram; the full record is in the analyst's local audit log"));
    }

    @JsonPropertyOrder({"record", "revoke_id", "truncated", "bytes", "sha256", "note"})
    private record Oversized(@JsonInclude(JsonInclude.Include.NON_NULL) Object record,
                             @JsonProperty("revoke_id") @JsonInclude(JsonInclude.Include.NON_NULL) Object revokeId, boolean truncated,
                             int bytes, String sha256, String note) {
    }

    private static byte[] sha256(String line) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(line.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /** {@code <PRI>1 TIMESTAMP HOSTNAME session-console PROCID MSGID - MSG} */
    String frame(String line) {
        String msgId = "-";
        try {
            if (Json.parse(line) instanceof Map<?, ?> m && m.get("record") instanceof String kind && kind.matches("[a-z]{1,32}")) {
                msgId = kind;
            }
        } catch (RuntimeException e) {
            msgId = "unreadable";
        }
        // RFC 5424 allows at most six fractional digits
        return "<" + PRI + ">1 " + DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.MICROS))
                + " " + hostname + " session-console "
                + ProcessHandle.current().pid() + " " + msgId + " - " + line;
    }

    private long readOffset() throws IOException {
        if (!Files.exists(offsetFile)) {
            return 0;
        }
        String text = Files.readString(offsetFile).strip();
        return text.matches("\\d{1,18}") ? Long.parseLong(text) : 0;
    }

    private void writeOffset(long offset) throws IOException {
        Path tmp = offsetFile.resolveSibling(offsetFile.getFileName() + ".tmp");
        Files.writeString(tmp, Long.toString(offset));
        Files.move(tmp, offsetFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void closeTcp() {
        if (tcp != null) {
            try {
                tcp.close();
            } catch (IOException e) {
                // the next attempt opens a new one
            }
            tcp = null;
        }
    }

    /** Gives delivery a moment to finish (at most two seconds), then stops; what is left is sent by the next run. */
    @Override
    public void close() {
        synchronized (lock) {
            closing = true;
            lock.notifyAll();
        }
        try {
            worker.join(2000);
        } catch (InterruptedException e) {
            worker.interrupt();
        }
        worker.interrupt();
        closeTcp();
    }
}
