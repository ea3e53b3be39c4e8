package com.sessionconsole.demo;

import com.sessionconsole.db.EmbeddedDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * Starts the demo's PostgreSQL from a cluster kept in the analyst's data folder, so that {@code initdb} (the slowest part
 * of a demo start) runs on the first start only. When the kept cluster cannot start (another window has it, a newer
 * PostgreSQL, damage), a fresh throwaway cluster is started instead, as before.
 */
public final class DemoDatabase {
    private static final Logger log = LoggerFactory.getLogger(DemoDatabase.class);

    private DemoDatabase() {
    }

    /** @param kept the cluster's folder; it lives in the analyst's private data folder, never in a shared one such as /tmp */
    public static EmbeddedDatabase start(Path kept) {
        try {
            return EmbeddedDatabase.startPersistent(kept, freePort());
        } catch (RuntimeException e) {
            log.info("the demo cluster kept in {} did not start ({}); starting a fresh one", kept, e.getMessage());
            return EmbeddedDatabase.start();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free local port for the demo database: " + e.getMessage(), e);
        }
    }
}
