package com.sessionconsole.watchlist;

import com.sessionconsole.files.AtomicFile;
import com.sessionconsole.files.CannotWriteException;

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

/**
 * Pinned users, devices and IPs (or CIDRs), kept in a text file in the user data folder, one "kind value"
 * per line. Values are attacker-written text, so backslash, newline, CR and TAB are stored escaped: a
 * value can never become a second line. Changes are serialised and the file is replaced atomically.
 */
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
                int space = line.indexOf(' ');
                if (space > 0 && !line.startsWith("#")) {
                    try {
                        entries.add(new WatchEntry(GroupBy.parse(line.substring(0, space)), unescape(line.substring(space + 1))));
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

    public synchronized void add(WatchEntry e) throws IOException {
        if (!entries.contains(e)) {
            entries.add(e);
            save();
        }
    }

    public synchronized void remove(WatchEntry e) throws IOException {
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
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw CannotWriteException.of(file, e);
        }
        List<String> lines = new ArrayList<>();
        lines.add("# Session Console watchlist: kind (user, device, ip) and value; ip may be a CIDR");
        entries.forEach(e -> lines.add(e.kind().name().toLowerCase() + " " + escape(e.value())));
        AtomicFile.write(file, w -> w.write(String.join("\n", lines) + "\n"));
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    static String unescape(String stored) {
        StringBuilder sb = new StringBuilder(stored.length());
        for (int i = 0; i < stored.length(); i++) {
            char c = stored.charAt(i);
            if (c == '\\' && i + 1 < stored.length()) {
                char n = stored.charAt(++i);
                sb.append(switch (n) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> n;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
