package com.sessionconsole.audit;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The audit log's lines, split at '\n' only, each one's bytes exactly as stored (a final unterminated line
 * included). A line is never held longer than {@link #MAX_LINE}: the console writes a few kilobytes per
 * record, so a longer line was not written by it, and reading it whole could fill the heap.
 */
final class BoundedLines implements Closeable {
    static final int MAX_LINE = 1 << 20;
    static final String TOO_LONG = "longer than 1 MiB";

    private final InputStream in;
    private final byte[] buf = new byte[8192];
    private int pos;
    private int end;
    private int number;

    private BoundedLines(InputStream in) {
        this.in = in;
    }

    /**
     * The lines of the regular file at {@code file} (not followed if it is a link), or null when there is none. A FIFO,
     * a device or a folder is never opened: a read from it can block, never end, or fail without naming the file.
     */
    static BoundedLines open(Path file) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (!a.isRegularFile()) {
            throw new NotRegularFileException("the audit log " + file + " is not a regular file (" + (a.isDirectory() ? "a folder"
                    : "a FIFO, a device or a socket") + "): it is never read. Move it away and the console creates a new audit log there");
        }
        return new BoundedLines(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS));
    }

    /** The number of the line {@link #next()} returned last (1 for the first). */
    int number() {
        return number;
    }

    /** The next line without its '\n', or null at the end of the file. */
    byte[] next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (pos == end) {
                end = in.read(buf);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    if (line.size() == 0) {
                        return null;
                    }
                    number++;
                    return line.toByteArray();
                }
            }
            int from = pos;
            while (pos < end && buf[pos] != '\n') {
                pos++;
            }
            if (line.size() + (pos - from) > MAX_LINE) {
                throw new TooLongException(number + 1);
            }
            line.write(buf, from, pos - from);
            if (pos < end) {
                pos++;
                number++;
                return line.toByteArray();
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Something other than a regular file at the path; the message names it. */
    static final class NotRegularFileException extends IOException {
        NotRegularFileException(String message) {
            super(message);
        }
    }

    /** A line longer than {@link #MAX_LINE}; the message is the reason only, the caller names the file. */
    static final class TooLongException extends IOException {
        final int line;

        TooLongException(int line) {
            super("line " + line + " is " + TOO_LONG);
            this.line = line;
        }
    }
}
