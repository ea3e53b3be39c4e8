package com.sessionconsole.domain;

import java.util.List;

/** The three ways the console groups sessions. */
public enum GroupBy {
    USER("user"), DEVICE("device"), IP("IP");

    private final String label;

    GroupBy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The dimensions whose distinct counts are interesting for a group of this kind. */
    public List<GroupBy> counterparts() {
        return switch (this) {
            case USER -> List.of(IP, DEVICE);
            case DEVICE, IP -> List.of(USER);
        };
    }

    public static GroupBy parse(String text) {
        for (GroupBy g : values()) {
            if (g.name().equalsIgnoreCase(text)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown grouping '" + text + "': use user, device or ip");
    }
}
