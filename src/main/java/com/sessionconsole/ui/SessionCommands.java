package com.sessionconsole.ui;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Session;
import javafx.beans.value.ObservableValue;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * What any table of sessions can show about a row and do with it (context menu, keys, the detail pane). The window
 * implements it with its named actions, so that a table knows no feature.
 */
public interface SessionCommands {
    Instant serverNow();

    /** Arrived with the last poll. */
    boolean isFresh(Session s);

    boolean isWatched(Session s);

    /**
     * Hands {@code then}, on the FX thread, one line per current finding whose evidence holds the session; the
     * findings are computed first when they were not yet.
     */
    void findingsCiting(Session s, Consumer<List<String>> then);

    /**
     * Why revoking is impossible now (read-only, no privilege, disconnected), or null; every revoke control of a
     * table is disabled while it is set, with this reason shown.
     */
    ObservableValue<String> revokeDisabled();

    /** {@link StandardAction#REVOKE_SELECTED}. */
    void revoke(List<Session> sessions);

    /** {@link StandardAction#SHOW_HISTORY}. */
    void showHistory(GroupBy by, String key);

    /** {@link StandardAction#WATCH}. */
    void watch(GroupBy by, String key);
}
