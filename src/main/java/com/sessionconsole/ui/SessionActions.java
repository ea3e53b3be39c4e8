package com.sessionconsole.ui;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Session;

import javafx.beans.value.ObservableValue;

import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What any table of sessions offers on a row (context menu, Ctrl+C, the detail pane), wired by the window
 * to the features, so that a table needs to know none of them.
 *
 * @param findingsCiting one line per current finding whose evidence holds the session
 * @param revokeDisabled why revoking is impossible now (read-only, no privilege, disconnected), or null; every revoke
 *                       control of a table is disabled while it is set, with this reason shown
 */
public record SessionActions(Supplier<Instant> serverNow, Predicate<Session> isFresh, Predicate<Session> isWatched,
                             Function<Session, List<String>> findingsCiting, Consumer<List<Session>> revoke,
                             ObservableValue<String> revokeDisabled, BiConsumer<GroupBy, String> history,
                             BiConsumer<GroupBy, String> watch) {

    /** A menu item's text for a revoke action: its label, or why it is disabled. */
    public static String revokeLabel(String label, String disabledReason) {
        return disabledReason == null ? label : label + "  (disabled: " + disabledReason + ")";
    }
}
