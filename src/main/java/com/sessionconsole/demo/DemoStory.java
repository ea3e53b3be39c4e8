package com.sessionconsole.demo;

import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.NewSession;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Keeps the demo's story in view. The planted cases are timed (a burst is a burst only for minutes) and the demo's
 * traffic ends sessions at random, so left alone they would be gone before a tour began. Every {@link #CYCLE} the
 * cases planted last are ended, as a user logging out would end them, and a fresh set is planted as of now: whenever
 * the demo is opened, Findings shows a burst, a user in many countries, zombies, shared NAT addresses and hostile values.
 */
public final class DemoStory {
    /** Shorter than the burst window of the findings (10 minutes), so the newest burst is always inside it. */
    public static final Duration CYCLE = Duration.ofMinutes(3);

    private final SessionWriter writer;
    private final SessionGenerator generator;
    private final Random rnd = new Random(26);
    private List<UUID> current;
    private Instant plantedAt;

    /** @param plantedAt when the cases now in the table were planted (the generator's time) */
    public DemoStory(SessionWriter writer, SessionGenerator generator, Instant plantedAt) {
        this.writer = writer;
        this.generator = generator;
        this.current = ids(generator.planted());
        this.plantedAt = plantedAt;
    }

    /** Plants the cases again when a cycle has passed since the last time; returns whether it did. */
    public boolean replantIfDue(Instant now) {
        if (now.isBefore(plantedAt.plus(CYCLE))) {
            return false;
        }
        List<NewSession> fresh = generator.planted(rnd, now);
        writer.end(current);
        writer.insert(fresh);
        current = ids(fresh);
        plantedAt = now;
        return true;
    }

    private static List<UUID> ids(List<NewSession> sessions) {
        return sessions.stream().map(NewSession::id).toList();
    }
}
