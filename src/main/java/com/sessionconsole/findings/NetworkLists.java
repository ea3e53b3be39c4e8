package com.sessionconsole.findings;

import com.sessionconsole.domain.Cidr;
import com.sessionconsole.domain.IntelFiles;
import com.sessionconsole.domain.IpAddresses;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The analyst's known networks and threat-intel lists, read from plain text files: one network per line
 * ({@code 203.0.113.0/24 office NAT}, or a bare address), {@code #} starts a comment, blank lines are skipped.
 * A known network's label is the rest of its line; a threat-intel entry is labelled with its file's name.
 * A line that is not a network is an error naming the file and line: a list read in part would fail open.
 */
public final class NetworkLists {
    public static final NetworkLists NONE = new NetworkLists(List.of(), List.of());
    /** A list is a few thousand lines; a Tor exit list is about 2,000. */
    static final int MAX_LINES = 200_000;

    /** A network and what it is. */
    public record Entry(Cidr cidr, String label) {
    }

    private final List<Entry> known;
    private final List<Entry> intel;

    private NetworkLists(List<Entry> known, List<Entry> intel) {
        this.known = List.copyOf(known);
        this.intel = List.copyOf(intel);
    }

    public static NetworkLists load(IntelFiles files) {
        List<Entry> known = new ArrayList<>();
        for (Path p : files.knownNetworks()) {
            read(p, true, known);
        }
        List<Entry> intel = new ArrayList<>();
        for (Path p : files.threatIntel()) {
            read(p, false, intel);
        }
        return new NetworkLists(known, intel);
    }

    /** The most specific known network that holds the address. */
    public Optional<Entry> known(String ip) {
        return match(known, ip);
    }

    /** The most specific threat-intel entry that holds the address. */
    public Optional<Entry> listed(String ip) {
        return match(intel, ip);
    }

    private static Optional<Entry> match(List<Entry> entries, String ip) {
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Optional<byte[]> a = IpAddresses.address(ip);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        Entry best = null;
        for (Entry e : entries) {
            if (e.cidr().contains(a.get()) && (best == null || e.cidr().prefixLength() > best.cidr().prefixLength())) {
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }

    private static void read(Path file, boolean labelled, List<Entry> out) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the " + (labelled ? "known-networks" : "threat-intel") + " file " + file + ": " + e, e);
        }
        if (lines.size() > MAX_LINES) {
            throw new IllegalArgumentException(file + " has " + lines.size() + " lines, more than " + MAX_LINES + ": not a network list");
        }
        String fileName = String.valueOf(file.getFileName());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            String[] parts = content.split("[\\s,]+", 2);
            Cidr.Result r = Cidr.parse(parts[0]);
            if (!r.ok()) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + r.error());
            }
            String label = labelled && parts.length > 1 && !parts[1].isBlank() ? parts[1].strip() : fileName;
            out.add(new Entry(r.cidr(), label.length() > 60 ? label.substring(0, 60) + "..." : label));
        }
    }
}
