package com.sessionconsole.findings;

import com.sessionconsole.domain.Session;

import java.time.Duration;
import java.util.List;

/** The most sessions created within one window, ended ones included. */
record Burst(List<Session> sessions, Duration span) {

    /** @param byCreated sessions with a finite created_at, oldest first */
    static Burst largest(List<Session> byCreated, Duration window) {
        int best = 0;
        int bestStart = 0;
        int start = 0;
        for (int end = 0; end < byCreated.size(); end++) {
            while (Duration.between(byCreated.get(start).createdAt(), byCreated.get(end).createdAt()).compareTo(window) > 0) {
                start++;
            }
            if (end - start + 1 > best) {
                best = end - start + 1;
                bestStart = start;
            }
        }
        List<Session> in = byCreated.subList(bestStart, bestStart + best);
        return new Burst(in, in.isEmpty() ? Duration.ZERO : Duration.between(in.get(0).createdAt(), in.get(in.size() - 1).createdAt()));
    }

    int size() {
        return sessions.size();
    }

    /** "12 min", "40 s", "3 h". */
    static String text(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + " s" : s < 7_200 ? d.toMinutes() + " min" : s < 172_800 ? d.toHours() + " h" : d.toDays() + " days";
    }
}
