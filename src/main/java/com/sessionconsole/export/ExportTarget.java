package com.sessionconsole.export;

import com.sessionconsole.files.AtomicFile;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;

/** Where an export goes: a file, written whole before it is renamed into place (with its sidecar), or a stream (stdout). */
public interface ExportTarget {
    void write(Map<String, Object> provenance, boolean withSidecar, AtomicFile.Body body) throws IOException;

    static ExportTarget file(Path file) {
        return (provenance, withSidecar, body) -> ExportFile.write(file, provenance, withSidecar, body);
    }

    /** A stream has no place beside it for a sidecar: the caller refuses that placement before writing. */
    static ExportTarget stream(Writer out) {
        return (provenance, withSidecar, body) -> {
            if (withSidecar) {
                throw new IllegalArgumentException("a provenance sidecar needs a file beside the export: not with --out -");
            }
            body.write(out);
            out.flush();
        };
    }
}
