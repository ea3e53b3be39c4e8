package com.sessionconsole.revoke.ui;

import com.sessionconsole.domain.RevokeCriteria;
import com.sessionconsole.domain.Session;

import java.util.List;

/**
 * A revoke the analyst is about to confirm: what it targets, the sessions it will end as far as the
 * console knows, and a refusal when it must not happen (read-only, protected user, disconnected).
 */
public record RevokePlan(RevokeCriteria criteria, List<Session> sessions, String refusal) {
    /** Above this many sessions the analyst must type the count to confirm. */
    public static final int TYPE_COUNT_ABOVE = 50;
    public static final int SAMPLE_SIZE = 10;

    public RevokePlan {
        sessions = List.copyOf(sessions);
    }

    public int count() {
        return sessions.size();
    }

    public boolean requiresTypedCount() {
        return count() > TYPE_COUNT_ABOVE;
    }

    public List<Session> sample() {
        return sessions.subList(0, Math.min(SAMPLE_SIZE, sessions.size()));
    }

    /** Whether the dialog's OK button may be pressed with this reason and typed count. */
    public boolean confirmable(String reason, String typedCount) {
        if (refusal != null || count() == 0 || reason == null || reason.isBlank()) {
            return false;
        }
        return !requiresTypedCount() || Integer.toString(count()).equals(typedCount == null ? "" : typedCount.strip());
    }
}
