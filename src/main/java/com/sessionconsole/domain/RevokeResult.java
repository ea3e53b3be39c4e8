package com.sessionconsole.domain;

import java.util.List;
import java.util.UUID;

/** What a revoke did: the ids it set inactive, and the ids asked for that were no longer active. */
public record RevokeResult(List<UUID> revoked, List<UUID> alreadyInactive) {
    public RevokeResult {
        revoked = List.copyOf(revoked);
        alreadyInactive = List.copyOf(alreadyInactive);
    }

    public String describe() {
        return revoked.size() + " revoked, " + alreadyInactive.size() + " were already inactive";
    }
}
