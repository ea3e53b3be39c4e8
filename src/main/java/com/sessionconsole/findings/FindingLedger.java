package com.sessionconsole.findings;

import com.sessionconsole.domain.Finding;
import com.sessionconsole.domain.FindingState;
import com.sessionconsole.domain.Triage;
import com.sessionconsole.files.AtomicFile;
import com.sessionconsole.files.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The triage of findings, kept in the workspace's data folder across restarts (one file per database, written
 * atomically): first and last seen, and the state the analyst set. A finding that is no longer computed turns
 * RESOLVED and stays listed for {@link #RESOLVED_KEPT}; one that comes back is NEW again. A muted one that goes is
 * not listed, and stays muted if it comes back within that time.
 * A file that cannot be read is set aside (renamed) and started afresh, with a warning: triage is a help, and a
 * broken file must not stop the findings.
 */
public final class FindingLedger {
    public static final Duration RESOLVED_KEPT = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(FindingLedger.class);

    /** A finding as computed now and its triage; a resolved one has no finding. */
    public record Entry(Finding finding, Triage triage) {
    }

    private final Path file;
    private final Map<String, Triage> entries = new LinkedHashMap<>();
    private boolean loaded;
    private Instant savedAt;
    /** Last-seen times alone are written at most this often; a new, changed or resolved finding is written at once. */
    static final Duration SAVE_EVERY = Duration.ofSeconds(60);

    public FindingLedger(Path file) {
        this.file = file;
    }

    /**
     * Records the current findings at {@code now} and returns them with their triage, followed by the findings
     * resolved within {@link #RESOLVED_KEPT}, most recently seen first.
     */
    public synchronized List<Entry> update(List<Finding> current, Instant now) {
        load();
        List<Entry> out = new ArrayList<>();
        Map<String, Triage> next = new LinkedHashMap<>();
        for (Finding f : current) {
            String key = f.key().text();
            Triage old = entries.get(key);
            FindingState state = old == null || old.state() == FindingState.RESOLVED ? FindingState.NEW : old.state();
            Triage t = new Triage(key, old == null || old.state() == FindingState.RESOLVED ? now : old.firstSeen(), now, state,
                    f.rule().cliName(), f.severity().name().toLowerCase(), f.risk(),
                    f.subjectKind() == null ? "table" : f.subjectKind().name().toLowerCase(), f.subject(), f.detail());
            next.put(key, t);
            out.add(new Entry(f, t));
        }
        List<Triage> resolved = new ArrayList<>();
        for (Triage t : entries.values()) {
            if (!next.containsKey(t.key()) && t.lastSeen().plus(RESOLVED_KEPT).isAfter(now) && t.state() == FindingState.MUTED) {
                // a muted finding that goes and comes back stays muted; while gone it is not listed
                next.put(t.key(), t);
            } else if (!next.containsKey(t.key()) && t.lastSeen().plus(RESOLVED_KEPT).isAfter(now)) {
                Triage r = t.state() == FindingState.RESOLVED ? t : t.withState(FindingState.RESOLVED);
                next.put(t.key(), r);
                resolved.add(r);
            }
        }
        resolved.sort((a, b) -> b.lastSeen().compareTo(a.lastSeen()));
        resolved.forEach(r -> out.add(new Entry(null, r)));
        boolean changed = !entries.keySet().equals(next.keySet()) || next.values().stream()
                .anyMatch(t -> entries.get(t.key()).state() != t.state());
        entries.clear();
        entries.putAll(next);
        if (changed || savedAt == null || !savedAt.plus(SAVE_EVERY).isAfter(now)) {
            save();
            savedAt = now;
        }
        return out;
    }

    /** Sets a finding's state (by {@link Finding.Key#text()}); false when the ledger does not know it. */
    public synchronized boolean setState(String key, FindingState state) {
        load();
        Triage t = entries.get(key);
        if (t == null) {
            return false;
        }
        entries.put(key, t.withState(state));
        save();
        return true;
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        if (!Files.exists(file)) {
            return;
        }
        try {
            Object root = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
            for (Object o : (List<?>) ((Map<?, ?>) root).get("findings")) {
                Map<?, ?> m = (Map<?, ?>) o;
                String key = (String) m.get("key");
                entries.put(key, new Triage(key, Instant.parse((String) m.get("first_seen")), Instant.parse((String) m.get("last_seen")),
                        FindingState.parse((String) m.get("state")), (String) m.get("rule"), (String) m.get("severity"),
                        ((Number) m.get("risk")).intValue(), (String) m.get("subject_kind"), (String) m.get("subject"), (String) m.get("detail")));
            }
        } catch (IOException | RuntimeException e) {
            entries.clear();
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
            log.warn("the findings triage file {} could not be read ({}); it was moved to {} and triage starts afresh", file, e.toString(), aside);
            try {
                Files.move(file, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                log.warn("could not move {} aside: {}", file, moveFailed.toString());
            }
        }
    }

    private void save() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Triage t : entries.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", t.key());
            m.put("first_seen", t.firstSeen().toString());
            m.put("last_seen", t.lastSeen().toString());
            m.put("state", t.state().cliName());
            m.put("rule", t.rule());
            m.put("severity", t.severity());
            m.put("risk", t.risk());
            m.put("subject_kind", t.subjectKind());
            m.put("subject", t.subject());
            m.put("detail", t.detail());
            list.add(m);
        }
        try {
            Files.createDirectories(file.getParent());
            AtomicFile.write(file, w -> w.write(Json.write(Map.of("version", 1, "findings", list))));
        } catch (IOException e) {
            log.warn("could not save the findings triage to {}: {}", file, e.toString());
        }
    }
}
