package com.sessionconsole.window;

import com.sessionconsole.domain.GroupBy;

/** The console's tabs, in the order they are shown; Ctrl+1 … Ctrl+7 follow this order. */
public enum ConsoleTab {
    SESSIONS("Sessions", null),
    BY_USER("By user", GroupBy.USER),
    BY_DEVICE("By device", GroupBy.DEVICE),
    BY_IP("By IP", GroupBy.IP),
    FINDINGS("Findings", null),
    HISTORY("History", null),
    AUDIT("Audit", null);

    private final String title;
    private final GroupBy group;

    ConsoleTab(String title, GroupBy group) {
        this.title = title;
        this.group = group;
    }

    public String title() {
        return title;
    }

    /** The dimension a group tab shows; null for the others. */
    public GroupBy group() {
        return group;
    }

    public static ConsoleTab of(GroupBy by) {
        if (by == null) {
            return SESSIONS;
        }
        return switch (by) {
            case USER -> BY_USER;
            case DEVICE -> BY_DEVICE;
            case IP -> BY_IP;
        };
    }

    /** "tab-sessions", "tab-user": the node ids the UI tests look up. */
    public String nodeId() {
        return group == null ? "tab-" + name().toLowerCase() : "tab-" + group.name().toLowerCase();
    }
}
