package com.sessionconsole.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file completely or not at all. The content goes to a new temporary file in the same folder,
 * created exclusively (a planted file or symlink there is never followed or overwritten), which then
 * replaces the target in one rename. A failed or cancelled write leaves nothing behind.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    public interface Body {
        void write(Writer w) throws IOException;
    }

    public static void write(Path target, Body body) throws IOException {
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
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("the folder " + dir + " does not exist: create it first, or name a file in an existing folder");
        }
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".part");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
