package com.sessionconsole.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * libpq's connection service file, as psql reads it: {@code PGSERVICEFILE} or {@code ~/.pg_service.conf}, then
 * {@code PGSYSCONFDIR/pg_service.conf}; the first file with a {@code [name]} section wins. Its keys are read like a
 * key/value connection string's (a password in it is ignored with a warning, a timeout is refused).
 */
public final class PgServiceFile {
    private static final long MAX_BYTES = 64 * 1024;
    private final List<Path> files;

    PgServiceFile(List<Path> files) {
        this.files = List.copyOf(files);
    }

    public static PgServiceFile standard(Map<String, String> env) {
        List<Path> files = new ArrayList<>();
        String own = env.get("PGSERVICEFILE");
        files.add(own != null && !own.isBlank() ? Path.of(own) : Path.of(System.getProperty("user.home"), ".pg_service.conf"));
        String sysconf = env.get("PGSYSCONFDIR");
        if (sysconf != null && !sysconf.isBlank()) {
            files.add(Path.of(sysconf, "pg_service.conf"));
        }
        return new PgServiceFile(files);
    }

    /** The keys of service {@code name}, or a usage error that names the files looked at. */
    public Map<String, String> require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("service '" + name + "' is not defined in "
                + String.join(" or ", files.stream().map(Path::toString).toList()) + " (a [" + name + "] section with host=, port=, dbname=)"));
    }

    Optional<Map<String, String>> find(String name) {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Optional<Map<String, String>> section = section(file, name);
            if (section.isPresent()) {
                return section;
            }
        }
        return Optional.empty();
    }

    private static Optional<Map<String, String>> section(Path file, String name) {
        List<String> lines;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("the service file " + file + " is over " + MAX_BYTES / 1024 + " KiB: not a service file");
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the service file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> keys = null;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                if (keys != null) {
                    break;
                }
                if (line.substring(1, line.length() - 1).strip().equals(name)) {
                    keys = new LinkedHashMap<>();
                }
                continue;
            }
            if (keys != null) {
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("the service file " + file + ", line " + (n + 1) + ", is not key=value");
                }
                keys.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return Optional.ofNullable(keys);
    }
}
