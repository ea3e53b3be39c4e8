package com.sessionconsole.revoke.ui;

import com.sessionconsole.revoke.RevokePlan;
import java.util.Optional;

/** Shows a revoke plan for confirmation (the window's dialog, or a test's answer); empty if the analyst cancelled. */
@FunctionalInterface
public interface RevokeConfirmer {
    /** What the analyst typed: the reason, and the count (checked again before anything is revoked). */
    record Answer(String reason, String typedCount) {
    }

    Optional<Answer> confirm(RevokePlan plan);
}
