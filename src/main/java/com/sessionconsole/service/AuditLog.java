package com.sessionconsole.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * An append-only file of JSON lines, one per revoke. Each line is forced to disk before
 * {@link #append} returns, so a result shown to the analyst is always on record.
 */
public final class AuditLog {
    private final Path file;

    public AuditLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public synchronized void append(AuditEntry entry) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] line = (Json.write(entry.toMap()) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    /** The entries, newest first. */
    public List<AuditRecord> records() throws IOException {
        List<AuditRecord> out = new java.util.ArrayList<>();
        for (String line : lines()) {
            if (!line.isBlank()) {
                out.add(0, AuditRecord.parse(line));
            }
        }
        return out;
    }

    /** The raw lines, oldest first; empty when nothing was revoked yet. */
    public List<String> lines() throws IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }
}
