package com.sessionconsole.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes a file completely or not at all. The content goes to a new temporary file in the same folder,
 * created exclusively (a planted file or symlink there is never followed or overwritten), which then
 * replaces the target in one rename. A failed or cancelled write leaves nothing behind, and its error names
 * the target and the reason ({@link CannotWriteException}).
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    public interface Body {
        void write(Writer w) throws IOException;
    }

    public static void write(Path target, Body body) throws IOException {
        try (Pending pending = prepare(target, body)) {
            pending.commit();
        }
    }

    /**
     * Writes the complete temporary file and stops before the rename, so that two files can be prepared
     * before either replaces its target. Closing a {@link Pending} that was not committed deletes it.
     */
    public static Pending prepare(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(target + " is a folder: name a file to write, e.g. " + target.resolve("export.csv"));
        }
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
            // a device (/dev/null, /dev/stdout), a pipe or a symlink would be replaced by the rename, not written to
            throw new IllegalArgumentException(target + " exists and is not a plain file (a device, pipe or symlink): name a new or "
                    + "ordinary file; to print rows instead, use the sessions or summary command with --format csv or json");
        }
        Path dir = absolute.getParent();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("cannot write " + absolute + ": " + dir + " is a file, not a folder; name a file in a folder");
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("cannot write " + absolute + ": the folder " + dir + " does not exist; create it first, "
                    + "or name a file in an existing folder");
        }
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw CannotWriteException.of(absolute, e);
        }
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw CannotWriteException.of(absolute, e);
        } catch (RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return new Pending(tmp, absolute);
    }

    /** A written temporary file waiting to replace its target. */
    public static final class Pending implements AutoCloseable {
        private final Path tmp;
        private final Path target;
        private boolean committed;

        private Pending(Path tmp, Path target) {
            this.tmp = tmp;
            this.target = target;
        }

        /** The SHA-256 of the bytes that {@link #commit} puts in place. */
        public String sha256() throws IOException {
            MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this Java has no SHA-256", e);
            }
            try (InputStream in = new DigestInputStream(Files.newInputStream(tmp), sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(sha.digest());
        }

        public void commit() throws IOException {
            try {
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw CannotWriteException.of(target, e);
            }
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (!committed) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
