package com.sessionconsole.support;

import com.sessionconsole.db.EmbeddedDatabase;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A primary and a streaming standby from the bundled binaries, which have no pg_basebackup: the standby
 * is a file copy taken between pg_backup_start and pg_backup_stop, with the backup label, standby.signal
 * and primary_conninfo written into it. initdb's pg_hba.conf already allows local replication.
 */
public final class ReplicatedPair implements AutoCloseable {
    private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");

    private final Path root;
    private EmbeddedDatabase primary;
    private EmbeddedDatabase standby;

    private ReplicatedPair(Path root) {
        this.root = root;
    }

    public static ReplicatedPair start() {
        try {
            ReplicatedPair pair = new ReplicatedPair(Files.createTempDirectory("replicated"));
            pair.startBoth();
            return pair;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot build the primary/standby pair: " + e.getMessage(), e);
        }
    }

    private void startBoth() throws IOException, SQLException {
        Path primaryDir = root.resolve("primary");
        Path standbyDir = root.resolve("standby");
        primary = EmbeddedDatabase.startPersistent(primaryDir, freePort(), Map.of("wal_level", "replica", "max_wal_senders", "10",
                "wal_keep_size", "128MB", "hot_standby", "on"));
        try (Connection c = primary.adminDataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("SELECT pg_backup_start('session-console standby', true)");
            copy(primaryDir, standbyDir);
            try (ResultSet rs = st.executeQuery("SELECT labelfile FROM pg_backup_stop(true)")) {
                rs.next();
                Files.writeString(standbyDir.resolve("backup_label"), rs.getString(1));
            }
        }
        Files.setPosixFilePermissions(standbyDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Files.createFile(standbyDir.resolve("standby.signal"));
        Files.writeString(standbyDir.resolve("postgresql.auto.conf"), "primary_conninfo = 'host=127.0.0.1 port=" + primary.port()
                + " user=postgres application_name=standby'\n", StandardOpenOption.APPEND);
        standby = EmbeddedDatabase.startPersistent(standbyDir, freePort(), Map.of("hot_standby", "on", "wal_level", "replica",
                "max_wal_senders", "10"));
        awaitCaughtUp(Duration.ofSeconds(30));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path rel = from.relativize(p);
                if (NOT_COPIED.contains(rel.toString())) {
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!rel.startsWith("pg_wal") || rel.getNameCount() == 1) {
                    try {
                        Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                    } catch (java.nio.file.NoSuchFileException gone) {
                        // a temporary file the running server removed meanwhile
                    }
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public EmbeddedDatabase primary() {
        return primary;
    }

    public EmbeddedDatabase standby() {
        return standby;
    }

    private static String one(EmbeddedDatabase db, String sql) {
        try (Connection c = db.adminDataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Waits until the standby has replayed everything the primary has written so far. */
    public void awaitCaughtUp(Duration timeout) {
        // a commit record of its own, so that the target is a record the standby can replay past (an idle
        // primary's insert position may sit after a segment switch, where no record ends until later)
        one(primary, "SELECT txid_current()::text");
        String target = one(primary, "SELECT pg_current_wal_insert_lsn()::text");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if ("t".equals(one(standby, "SELECT (pg_last_wal_replay_lsn() >= '" + target + "'::pg_lsn)::text").substring(0, 1))) {
                return;
            }
            sleep(50);
        }
        throw new IllegalStateException("the standby did not catch up with " + target + " within " + timeout);
    }

    public void pauseReplay() {
        one(standby, "SELECT pg_wal_replay_pause()::text");
    }

    public void resumeReplay() {
        one(standby, "SELECT pg_wal_replay_resume()::text");
    }

    /** Makes the standby the primary and waits until it accepts writes. */
    public void promote() {
        one(standby, "SELECT pg_promote(true, 30)::text");
    }

    public void stopPrimary() {
        primary.close();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        for (EmbeddedDatabase db : new EmbeddedDatabase[]{standby, primary}) {
            try {
                if (db != null) {
                    db.close();
                }
            } catch (RuntimeException e) {
                // already stopped (the failover test stops the primary itself)
            }
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is not worth failing a test for
        }
    }
}
