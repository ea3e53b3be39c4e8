package com.sessionconsole.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * An I/O error on the way to a file, said whole: "cannot write FILE: REASON (EXCEPTION: DETAIL)". FILE is the
 * file that was asked for, not the temporary file the error may have come from; REASON says in words what the
 * exception's type or the OS text ("No space left on device") means.
 */
public final class CannotWriteException extends IOException {
    private CannotWriteException(String message, IOException cause) {
        super(message, cause);
    }

    /** {@code cause} said for {@code file}; a cause that already names its file is kept as it is. */
    public static IOException of(Path file, IOException cause) {
        if (cause instanceof CannotWriteException) {
            return cause;
        }
        return new CannotWriteException("cannot write " + file.toAbsolutePath() + ": " + describe(cause), cause);
    }

    /** The reason in words, then the exception: "permission denied (AccessDeniedException: /x/.a.csv.1.part)". */
    public static String describe(IOException e) {
        return reason(e) + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
    }

    private static String reason(IOException e) {
        String os = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        String text = os == null ? "" : os.toLowerCase(Locale.ROOT);
        if (e instanceof AccessDeniedException || text.contains("permission denied") || text.contains("operation not permitted")) {
            return "permission denied";
        }
        if (text.contains("no space left")) {
            return "the disk is full";
        }
        if (text.contains("quota")) {
            return "the disk quota is used up";
        }
        if (text.contains("read-only file system")) {
            return "the file system is read-only";
        }
        if (text.contains("not a directory")) {
            return "a part of the path is a file, not a folder";
        }
        if (text.contains("is a directory")) {
            return "it is a folder";
        }
        if (text.contains("name too long")) {
            return "the name is too long";
        }
        if (text.contains("too many levels of symbolic links")) {
            return "a symbolic link on the way loops";
        }
        if (e instanceof NoSuchFileException) {
            return "a folder on the way does not exist or takes no new files";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "another file of that name is in the way";
        }
        return "an input/output error";
    }
}
