package com.sessionconsole.service;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.WatchEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Pinned users, devices and IPs (or CIDRs), kept in a text file in the user data folder, one "kind value" per line. */
public final class Watchlist {
    private static final Logger log = LoggerFactory.getLogger(Watchlist.class);
    private final Path file;
    private final List<WatchEntry> entries = new CopyOnWriteArrayList<>();

    public Watchlist(Path file) {
        this.file = file;
        load();
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.strip().split("\\s+", 2);
                if (parts.length == 2 && !line.startsWith("#")) {
                    try {
                        entries.add(new WatchEntry(GroupBy.parse(parts[0]), parts[1]));
                    } catch (IllegalArgumentException e) {
                        log.warn("watchlist {}: skipped '{}': {}", file, line, e.getMessage());
                    }
                }
            }
        } catch (IOException e) {
            log.warn("cannot read the watchlist {}: {}", file, e.getMessage());
        }
    }

    public List<WatchEntry> entries() {
        return List.copyOf(entries);
    }

    public void add(WatchEntry e) throws IOException {
        if (!entries.contains(e)) {
            entries.add(e);
            save();
        }
    }

    public void remove(WatchEntry e) throws IOException {
        if (entries.remove(e)) {
            save();
        }
    }

    public boolean matches(Session s) {
        for (WatchEntry e : entries) {
            if (e.matches(s)) {
                return true;
            }
        }
        return false;
    }

    private void save() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        List<String> lines = new ArrayList<>();
        lines.add("# Session Console watchlist: kind (user, device, ip) and value; ip may be a CIDR");
        entries.forEach(e -> lines.add(e.kind().name().toLowerCase() + " " + e.value()));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
