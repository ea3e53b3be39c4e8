package com.sessionconsole.domain;

import java.util.List;
import java.util.UUID;

/**
 * What a revoke did with the ids the analyst confirmed, and what it deliberately left alone.
 *
 * @param revoked         confirmed ids it set inactive
 * @param alreadyInactive confirmed ids that exist but were no longer active
 * @param notFound        confirmed ids that no longer exist (hard-deleted)
 * @param stillActive     confirmed ids left active: they no longer match the confirmed key, or belong to a protected user
 * @param appearedAfter   active sessions of the confirmed key that the analyst never saw; not revoked
 * @param key             the key of a by-key revoke, for the message; null for a revoke by ids
 * @param walPosition     the primary's WAL position at or past the commit, when a replica is read; null otherwise
 */
public record RevokeResult(List<UUID> revoked, List<UUID> alreadyInactive, List<UUID> notFound, List<UUID> stillActive,
                           List<UUID> appearedAfter, String key, String walPosition) {
    public RevokeResult {
        revoked = List.copyOf(revoked);
        alreadyInactive = List.copyOf(alreadyInactive);
        notFound = List.copyOf(notFound);
        stillActive = List.copyOf(stillActive);
        appearedAfter = List.copyOf(appearedAfter);
    }

    public RevokeResult withWalPosition(String position) {
        return new RevokeResult(revoked, alreadyInactive, notFound, stillActive, appearedAfter, key, position);
    }

    public String describe() {
        StringBuilder sb = new StringBuilder(revoked.size() + " revoked, " + alreadyInactive.size() + " were already inactive");
        if (!notFound.isEmpty()) {
            sb.append(", ").append(notFound.size()).append(" not found (deleted since you looked)");
        }
        if (!stillActive.isEmpty()) {
            sb.append(", ").append(stillActive.size())
                    .append(" left active (they changed since you confirmed, or belong to a protected user)");
        }
        if (!appearedAfter.isEmpty()) {
            sb.append(". ").append(appearedAfter.size()).append(" new session(s) of ").append(VisibleText.of(key))
                    .append(" appeared after you confirmed; not revoked");
        }
        return sb.toString();
    }
}
