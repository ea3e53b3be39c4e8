package com.sessionconsole.audit;

import com.sessionconsole.files.Json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Walks the audit log's hash chain from the first line. Lines written before the chain existed (no "prev") are
 * allowed only at the start of the file. Deleting lines at the very end cannot be seen from the chain alone;
 * everything else can.
 */
final class HashChainCheck {
    private HashChainCheck() {
    }

    /** The first problem, or none; an error reading the file (other than a line too long, which is a problem) is thrown. */
    static AuditLog.Verification walk(BoundedLines lines) throws IOException {
        String expected = AuditLog.GENESIS;
        int legacy = 0;
        while (true) {
            byte[] line;
            try {
                line = lines.next();
            } catch (BoundedLines.TooLongException e) {
                return new AuditLog.Verification(e.line, legacy, "line " + e.line + ": " + BoundedLines.TOO_LONG
                        + ", which the console never writes");
            }
            if (line == null) {
                // the log is created with its first record: an empty one had its records removed
                return new AuditLog.Verification(lines.number(), legacy, lines.number() == 0
                        ? "line 1: the log is empty, so its records were removed (the console creates it with its first record)" : null);
            }
            int n = lines.number();
            Object prev;
            try {
                String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(line)).toString();
                prev = Json.parse(text) instanceof Map<?, ?> m ? m.get("prev") : null;
            } catch (CharacterCodingException e) {
                return new AuditLog.Verification(n, legacy, "line " + n + " is not valid UTF-8: it was edited");
            } catch (RuntimeException e) {
                return new AuditLog.Verification(n, legacy, "line " + n + " is not a complete record (torn by a crash, or edited): "
                        + e.getMessage());
            }
            if (prev == null) {
                if (n - 1 == legacy) {
                    legacy++;
                    expected = AuditLog.sha256(line);
                    continue;
                }
                return new AuditLog.Verification(n, legacy, "line " + n + " has no hash link: it was added by hand or edited");
            }
            if (!expected.equals(prev)) {
                return new AuditLog.Verification(n, legacy, "line " + n + ": the hash link does not match line " + (n - 1)
                        + (n == 1 ? " (the start of the file): lines before it were deleted"
                        : ": line " + (n - 1) + " was edited, or lines between them were deleted"));
            }
            expected = AuditLog.sha256(line);
        }
    }
}
