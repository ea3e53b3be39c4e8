package com.sessionconsole.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy in front of PostgreSQL that can cut the client's connection at its next COMMIT, once:
 * either before the server sees the COMMIT (the transaction rolls back) or after the server has
 * answered it (the transaction committed, but the client never hears so).
 */
public final class CuttingProxy implements AutoCloseable {
    /** {@code AFTER_COMMIT_THEN_DOWN}: as AFTER_COMMIT, and the server is unreachable from then on (every connection refused). */
    public enum Cut { NONE, BEFORE_COMMIT, AFTER_COMMIT, AFTER_COMMIT_THEN_DOWN }

    private static final byte[] COMMIT = "COMMIT".getBytes(StandardCharsets.US_ASCII);
    private final ServerSocket server;
    private final int targetPort;
    private final AtomicReference<Cut> armed = new AtomicReference<>(Cut.NONE);
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public CuttingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "cutting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Cuts the next connection that sends COMMIT, in the given way; then forwards normally again. */
    public void arm(Cut cut) {
        armed.set(cut);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(upstream);
                java.util.concurrent.atomic.AtomicBoolean muted = new java.util.concurrent.atomic.AtomicBoolean();
                pump(client, upstream, true, muted);
                pump(upstream, client, false, muted);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean clientToServer, java.util.concurrent.atomic.AtomicBoolean muted) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (clientToServer && contains(buf, n)) {
                        Cut cut = armed.getAndSet(Cut.NONE);
                        if (cut == Cut.BEFORE_COMMIT) {
                            close(from, to);
                            return;
                        }
                        if (cut == Cut.AFTER_COMMIT || cut == Cut.AFTER_COMMIT_THEN_DOWN) {
                            muted.set(true); // the server's answer to this COMMIT is never relayed
                            out.write(buf, 0, n);
                            out.flush();
                            Thread.sleep(300); // the server commits and answers; the answer never reaches the client
                            close(from, to);
                            if (cut == Cut.AFTER_COMMIT_THEN_DOWN) {
                                close();
                            }
                            return;
                        }
                    }
                    if (!clientToServer && muted.get()) {
                        continue;
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                close(from, to);
            }
        }, "cutting-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static boolean contains(byte[] buf, int n) {
        outer:
        for (int i = 0; i + COMMIT.length <= n; i++) {
            for (int k = 0; k < COMMIT.length; k++) {
                if (buf[i + k] != COMMIT[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void close(Socket a, Socket b) {
        try {
            a.close();
        } catch (IOException ignored) {
            // closing is all that is wanted
        }
        try {
            b.close();
        } catch (IOException ignored) {
            // closing is all that is wanted
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
