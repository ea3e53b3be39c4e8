package com.sessionconsole.export;

import com.sessionconsole.files.Json;
import com.sessionconsole.files.AtomicFile;
import com.sessionconsole.files.CannotWriteException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts an export in place, with its provenance in a sidecar FILE.provenance.json or without one. Both files are
 * written in full before either is renamed into place. A sidecar left from an earlier export of the same name
 * is removed before the new file replaces the old (it would describe other rows), and a new sidecar names its
 * file and that file's SHA-256. If the new sidecar cannot be put in place, the new export is removed again:
 * no export is left without the provenance that was asked for, and no sidecar describes another file.
 */
public final class ExportFile {
    static final String SIDECAR_SUFFIX = ".provenance.json";

    private ExportFile() {
    }

    public static Path sidecarOf(Path file) {
        return file.resolveSibling(file.getFileName() + SIDECAR_SUFFIX);
    }

    static void write(Path file, Map<String, Object> provenance, boolean withSidecar, AtomicFile.Body body) throws IOException {
        try (AtomicFile.Pending data = AtomicFile.prepare(file, body)) {
            Path absolute = file.toAbsolutePath();
            Path sidecar = sidecarOf(absolute);
            try (AtomicFile.Pending prov = withSidecar ? prepareSidecar(sidecar, absolute, provenance, data.sha256()) : null) {
                removeEarlierSidecar(sidecar);
                data.commit();
                if (prov != null) {
                    commitSidecar(prov, sidecar, absolute);
                }
            }
        }
    }

    private static AtomicFile.Pending prepareSidecar(Path sidecar, Path file, Map<String, Object> provenance, String sha256)
            throws IOException {
        Map<String, Object> content = new LinkedHashMap<>(provenance);
        content.put("file", file.getFileName().toString());
        content.put("sha256", sha256);
        try {
            return AtomicFile.prepare(sidecar, w -> w.write(Json.write(content) + "\n"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot write the provenance sidecar: " + e.getMessage() + "; nothing was exported", e);
        } catch (IOException e) {
            throw new IOException(e.getMessage() + "; without its provenance sidecar nothing was exported to " + file, e);
        }
    }

    private static void removeEarlierSidecar(Path sidecar) throws IOException {
        if (Files.isRegularFile(sidecar, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(sidecar)) {
            try {
                Files.delete(sidecar);
            } catch (IOException e) {
                throw new IOException("cannot remove the earlier provenance sidecar " + sidecar + " (it would describe the old rows): "
                        + CannotWriteException.describe(e) + "; nothing was exported", e);
            }
        }
    }

    private static void commitSidecar(AtomicFile.Pending prov, Path sidecar, Path file) throws IOException {
        try {
            prov.commit();
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw new IOException(e.getMessage() + "; without its provenance sidecar the export was removed again, so " + file
                    + " no longer exists", e);
        }
    }
}
