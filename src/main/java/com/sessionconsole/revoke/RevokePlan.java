package com.sessionconsole.revoke;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.RevokeCriteria;
import com.sessionconsole.domain.Session;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A revoke the analyst is about to confirm: what it targets, the sessions it will end as far as the
 * console knows, and a refusal when it must not happen (read-only, protected user, disconnected). The one
 * confirmation policy for the window and the CLI: a reason always, and above {@value #TYPE_COUNT_ABOVE}
 * sessions the count typed out.
 */
public record RevokePlan(RevokeCriteria criteria, List<Session> sessions, String refusal) {
    /** Above this many sessions the analyst must type the count to confirm. */
    public static final int TYPE_COUNT_ABOVE = 50;
    public static final int SAMPLE_SIZE = 10;

    public RevokePlan {
        sessions = List.copyOf(sessions);
    }

    /** Every session of a key the analyst is shown; the revoke is bounded by exactly their ids. */
    public static RevokePlan ofKey(GroupBy by, String key, List<Session> active, String refusal) {
        Set<UUID> ids = active.stream().map(Session::id).collect(Collectors.toSet());
        return new RevokePlan(RevokeCriteria.group(by, key, ids), active, refusal);
    }

    public int count() {
        return sessions.size();
    }

    public boolean requiresTypedCount() {
        return count() > TYPE_COUNT_ABOVE;
    }

    /** What the analyst types to confirm on a terminal: the count above the threshold, "yes" below it. */
    public String confirmationWord() {
        return requiresTypedCount() ? Integer.toString(count()) : "yes";
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
