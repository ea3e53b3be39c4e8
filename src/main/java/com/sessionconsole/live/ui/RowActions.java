package com.sessionconsole.live.ui;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.ui.SessionActions;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What a row in a live table can lead to: everything a session row offers anywhere ({@link SessionActions}),
 * plus revoking a whole group and switching tabs. The window wires them to the other features.
 */
public record RowActions(SessionActions session, BiConsumer<GroupBy, String> revokeGroup, Consumer<GroupBy> showTab) {
}
