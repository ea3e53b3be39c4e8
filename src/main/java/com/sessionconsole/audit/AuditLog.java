package com.sessionconsole.audit;

import com.sessionconsole.files.Json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An append-only file of JSON lines: an intent record before every revoke's UPDATE, an outcome record
 * after it. Each line is forced to disk before {@link #append} returns. Each record carries in "prev" the
 * SHA-256 of the line before it, so that {@link #verify} finds an edited, torn or deleted line. A torn
 * last line (a crash mid-write) never swallows the next record: that one starts on a new line.
 * The file is created readable by its owner only. A hash chain without a secret key cannot show an edit of
 * the last record, removed records at the end, or a file rewritten whole with new hashes: forwarding the
 * records to a SIEM as they are written ({@code audit-syslog}) is the remedy for those.
 */
public final class AuditLog {
    static final String GENESIS = "0".repeat(64);
    private final Path file;
    private final List<Runnable> appended = new CopyOnWriteArrayList<>();

    public AuditLog(Path file) {
        this.file = file;
    }

    /** Told after every record that is on disk (the SIEM forwarder listens). */
    public void onAppend(Runnable listener) {
        appended.add(listener);
    }

    public Path file() {
        return file;
    }

    /** Appends the record with its hash link, forced to disk; throws with the path and the OS error when it cannot. */
    public synchronized void append(AuditLine record) {
        linkRefusal("written").ifPresent(m -> {
            throw new AuditLogException(m, null);
        });
        try {
            createIfMissing();
            // not followed even if a link appears after the check: the open fails instead
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                 FileLock ignored = ch.lock()) {
                long size = ch.size();
                LastLine last = lastLine(ch, size);
                Map<String, Object> linked = Json.toMap(record);
                linked.put("prev", last == null ? GENESIS : last.sha256());
                String prefix = last != null && !last.terminated() ? "\n" : "";
                ByteBuffer buf = ByteBuffer.wrap((prefix + Json.write(linked) + "\n").getBytes(StandardCharsets.UTF_8));
                long at = size;
                while (buf.hasRemaining()) {
                    at += ch.write(buf, at);
                }
                ch.force(true);
            }
        } catch (IOException | RuntimeException e) {
            throw new AuditLogException("cannot write the audit log " + file + ": " + describe(e), e);
        }
        appended.forEach(Runnable::run);
    }

    /**
     * Records written through a link would land in whatever file it names, out of the analyst's sight; records read
     * through one would show, or verify, someone else's file as this log.
     */
    private Optional<String> linkRefusal(String verb) {
        if (!Files.isSymbolicLink(file)) {
            return Optional.empty();
        }
        String target;
        try {
            target = Files.readSymbolicLink(file).toString();
        } catch (IOException e) {
            target = "a target that cannot be read (" + e.getMessage() + ")";
        }
        return Optional.of("the audit log " + file + " is a symbolic link to " + target + ": records are never " + verb
                + " through a link. Remove the link (rm " + file + ") and the console creates a new audit log there");
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
    }

    /** Creates the file with mode 0600 and makes its directory entry durable. */
    private void createIfMissing() throws IOException {
        if (Files.exists(file)) {
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            return; // another console created it meanwhile
        }
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            }
        }
    }

    private record LastLine(String sha256, boolean terminated) {
    }

    /** The hash of the file's last line (without its newline), read backwards from the end; null for an empty file. */
    private static LastLine lastLine(FileChannel ch, long size) throws IOException {
        if (size == 0) {
            return null;
        }
        boolean terminated = readByte(ch, size - 1) == '\n';
        long end = terminated ? size - 1 : size;
        long start = end;
        ByteBuffer chunk = ByteBuffer.allocate(8192);
        search:
        while (start > 0) {
            long from = Math.max(0, start - chunk.capacity());
            chunk.clear().limit((int) (start - from));
            ch.read(chunk, from);
            for (int i = chunk.position() - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    start = from + i + 1;
                    break search;
                }
            }
            start = from;
        }
        MessageDigest sha = sha256();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        for (long pos = start; pos < end; ) {
            buf.clear().limit((int) Math.min(buf.capacity(), end - pos));
            int n = ch.read(buf, pos);
            buf.flip();
            sha.update(buf);
            pos += n;
        }
        return new LastLine(HexFormat.of().formatHex(sha.digest()), terminated);
    }

    private static byte readByte(FileChannel ch, long at) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        ch.read(one, at);
        return one.get(0);
    }

    /** The hash of a line's exact bytes, as {@link #append} links them (a CR turned into CRLF counts as an edit). */
    static String sha256(byte[] line) {
        return HexFormat.of().formatHex(sha256().digest(line));
    }

    /** The file's lines, bounded; null when there is no file. Never through a link, never a FIFO, a device or a folder. */
    private BoundedLines openForReading() throws IOException {
        Optional<String> link = linkRefusal("read");
        if (link.isPresent()) {
            throw new IOException(link.get());
        }
        try {
            return BoundedLines.open(file);
        } catch (BoundedLines.NotRegularFileException e) {
            throw e;
        } catch (IOException e) {
            throw cannotRead(e);
        }
    }

    private IOException cannotRead(IOException e) {
        return new IOException("cannot read the audit log " + file + ": "
                + (e instanceof BoundedLines.TooLongException ? e.getMessage() + " (audit verify names it)" : describe(e)), e);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /** Revoked ids and the primary's WAL position after their commit, from the outcomes of revokes on this server. */
    public record CommittedRevoke(Set<UUID> ids, String walPosition) {
    }

    /**
     * The revokes on {@code server} whose outcome carries a WAL position, from the last {@code maxLines}
     * lines: a new console hides them on a lagging replica too. Unreadable lines are skipped here.
     */
    @SuppressWarnings("unchecked")
    public List<CommittedRevoke> committedRevokes(String server, int maxLines) throws IOException {
        List<String> lines = lines();
        Set<Object> onServer = new HashSet<>();
        List<CommittedRevoke> out = new ArrayList<>();
        for (String line : lines.subList(Math.max(0, lines.size() - maxLines), lines.size())) {
            try {
                Map<String, Object> m = (Map<String, Object>) Json.parse(line);
                if ("intent".equals(m.get("record")) && server.equals(m.get("server"))) {
                    onServer.add(m.get("revoke_id"));
                } else if ("outcome".equals(m.get("record")) && onServer.contains(m.get("revoke_id"))
                        && m.get("wal_position") instanceof String position && m.get("revoked") instanceof List<?> ids) {
                    Set<UUID> set = new HashSet<>();
                    ids.forEach(id -> set.add(UUID.fromString(id.toString())));
                    out.add(new CommittedRevoke(set, position));
                }
            } catch (RuntimeException e) {
                // a torn or edited line: audit verify reports it; it cannot hide anything
            }
        }
        return out;
    }

    /** Every revoke, intent and outcome joined, newest first. */
    public List<AuditRecord> records() throws IOException {
        return AuditRecord.join(lines());
    }

    /** The raw lines, oldest first; empty when nothing was revoked yet. */
    public List<String> lines() throws IOException {
        List<String> out = new ArrayList<>();
        forEachLine(out::add);
        return out;
    }

    /** Each line as text, oldest first, read one at a time; nothing when there is no file yet. */
    public void forEachLine(Consumer<String> action) throws IOException {
        BoundedLines lines = openForReading();
        if (lines == null) {
            return;
        }
        try (lines) {
            for (byte[] line = lines.next(); line != null; line = lines.next()) {
                String text = new String(line, StandardCharsets.UTF_8);
                action.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
            }
        } catch (IOException e) {
            throw cannotRead(e);
        }
    }

    /** What {@link #verify} found: the number of lines checked, and the first problem (null when the chain is whole). */
    public record Verification(int lines, int unchainedLegacyLines, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** Walks the hash chain ({@link HashChainCheck}); a log that is not there is not intact, and throws too. */
    public Verification verify() throws IOException {
        BoundedLines lines = openForReading();
        if (lines == null) {
            throw new IOException("no audit log at " + file + ": either nothing was revoked from this account, or the log was "
                    + "deleted or moved (the two cannot be told apart)");
        }
        try (lines) {
            return HashChainCheck.walk(lines);
        } catch (IOException e) {
            throw cannotRead(e);
        }
    }

    /** The file could not be written; the message has the path and the operating system's error. */
    public static final class AuditLogException extends RuntimeException {
        AuditLogException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
