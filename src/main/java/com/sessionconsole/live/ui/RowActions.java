package com.sessionconsole.live.ui;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Session;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What a row in a live table can lead to beyond the live views themselves: revoke, history, watch, and
 * switching tabs. The window wires them to the other features, so the live tables need not know those.
 */
public record RowActions(Consumer<List<Session>> revokeSessions, BiConsumer<GroupBy, String> revokeGroup, Consumer<GroupBy> showTab,
                         BiConsumer<GroupBy, String> showHistory, BiConsumer<GroupBy, String> watch, Predicate<Session> isWatched) {
}
