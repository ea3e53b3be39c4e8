package com.sessionconsole.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The remembering matcher used over whole tables agrees with the plain one, row by row, with shared and unshared strings. */
class SessionFilterMatcherTest {
    private static final String[] TEXT = {"Berlin, DE", "berlin", "BERLİN", "Mozilla/5.0 (X11)", "ber", "", null, "10.1.2.3", "dev-7", "Lyon, FR"};

    @Property(tries = 200)
    void agreesWithMatches(@ForAll long seed) {
        Random rnd = new Random(seed);
        Instant now = Instant.parse("2026-11-27T12:00:00Z");
        SessionFilter f = new SessionFilter(pick(rnd), rnd.nextBoolean() ? null : Cidr.parse("10.0.0.0/8").cidr(),
                rnd.nextBoolean() ? null : rnd.nextInt(101), rnd.nextBoolean() ? null : Duration.ofMinutes(30), null,
                rnd.nextInt(4) == 0 ? "a" : null, pick(rnd), pick(rnd));
        Predicate<Session> matcher = f.matcher(now);
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            // the same instance often (as the bulk reads share them), an equal copy sometimes
            String location = rnd.nextInt(3) == 0 && TEXT[i % TEXT.length] != null ? new String(TEXT[i % TEXT.length]) : TEXT[rnd.nextInt(TEXT.length)];
            sessions.add(new Session(UUID.randomUUID(), UUID.randomUUID(), TokenMask.of("ab", "cd", 8), now.plusSeconds(60), true,
                    TEXT[rnd.nextInt(TEXT.length)], TEXT[rnd.nextInt(TEXT.length)], TEXT[rnd.nextInt(TEXT.length)], location,
                    rnd.nextBoolean() ? null : rnd.nextInt(101), now.minusSeconds(rnd.nextInt(3600)), now, null, 1));
        }
        for (Session s : sessions) {
            assertThat(matcher.test(s)).as(s + " with " + f).isEqualTo(f.matches(s, now));
        }
    }

    private static String pick(Random rnd) {
        String s = TEXT[rnd.nextInt(TEXT.length)];
        return s == null || s.isEmpty() || rnd.nextBoolean() ? null : s;
    }
}
