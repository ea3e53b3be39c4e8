package com.sessionconsole.domain;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What a revoke did with the ids the analyst confirmed, and what it deliberately left alone.
 *
 * @param revoked         confirmed ids it set inactive
 * @param alreadyInactive confirmed ids that exist but were no longer active
 * @param notFound        confirmed ids that no longer exist (hard-deleted)
 * @param stillActive     confirmed ids left active: they no longer match the confirmed key, or belong to a protected user
 * @param unchangedByServer confirmed ids the UPDATE was entitled to revoke but that are still active: the server left
 *                        them unchanged (a trigger, a rule or a row-level security policy), or changed them back
 * @param appearedAfter   active sessions of the confirmed key that the analyst never saw; not revoked
 * @param key             the key of a by-key revoke, for the message; null for a revoke by ids
 * @param walPosition     the primary's WAL position at or past the commit, when a replica is read; null otherwise
 */
public record RevokeResult(List<UUID> revoked, List<UUID> alreadyInactive, List<UUID> notFound, List<UUID> stillActive,
                           List<UUID> unchangedByServer, List<UUID> appearedAfter, String key, String walPosition) {
    public RevokeResult {
        revoked = List.copyOf(revoked);
        alreadyInactive = List.copyOf(alreadyInactive);
        notFound = List.copyOf(notFound);
        stillActive = List.copyOf(stillActive);
        unchangedByServer = List.copyOf(unchangedByServer);
        appearedAfter = List.copyOf(appearedAfter);
    }

    public RevokeResult withWalPosition(String position) {
        return new RevokeResult(revoked, alreadyInactive, notFound, stillActive, unchangedByServer, appearedAfter, key, position);
    }

    /** Whether every confirmed session is inactive now (revoked by this revoke, or before it). */
    public boolean complete() {
        return stillActive.isEmpty() && unchangedByServer.isEmpty();
    }

    /** The confirmed sessions that are still active, for whatever reason. */
    public List<UUID> leftActive() {
        return Stream.concat(unchangedByServer.stream(), stillActive.stream()).sorted().toList();
    }

    public String describe() {
        StringBuilder sb = new StringBuilder(revoked.size() + " revoked, " + alreadyInactive.size() + " were already inactive");
        if (!notFound.isEmpty()) {
            sb.append(", ").append(notFound.size()).append(" not found (deleted since you looked)");
        }
        if (!unchangedByServer.isEmpty()) {
            sb.append(", ").append(unchangedByServer.size()).append(" NOT revoked: the server left them active (a trigger, rule or "
                    + "row-level security policy on the table; ask its owner): ").append(listed(unchangedByServer));
        }
        if (!stillActive.isEmpty()) {
            sb.append(", ").append(stillActive.size())
                    .append(" NOT revoked: they no longer match what you confirmed, or belong to a protected user: ").append(listed(stillActive));
        }
        if (!appearedAfter.isEmpty()) {
            sb.append(". ").append(appearedAfter.size()).append(" new session(s) of ").append(VisibleText.of(key))
                    .append(" appeared after you confirmed; not revoked");
        }
        return sb.toString();
    }

    private static String listed(List<UUID> ids) {
        return ids.size() <= 10 ? ids.stream().map(UUID::toString).sorted().toList().toString()
                : ids.size() + " sessions (all listed in the audit log)";
    }
}
