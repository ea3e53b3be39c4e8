package com.sessionconsole.revoke.ui;

import java.util.Optional;

/** Shows a revoke plan for confirmation (the window's dialog, or a test's answer); the reason, or empty if cancelled. */
@FunctionalInterface
public interface RevokeConfirmer {
    Optional<String> confirm(RevokePlan plan);
}
