package com.sessionconsole.domain;

import java.util.Objects;

/** Something the analyst pinned: a user id, a device id, or an IP address or CIDR network. */
public record WatchEntry(GroupBy kind, String value) {
    public WatchEntry {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(value);
        if (kind == GroupBy.USER) {
            value = UserIds.parse(value).toString();
        } else if (kind == GroupBy.IP && !Cidr.parse(value).ok()) {
            throw new IllegalArgumentException(Cidr.parse(value).error());
        }
    }

    public boolean matches(Session s) {
        return switch (kind) {
            case USER -> s.userId().toString().equals(value);
            case DEVICE -> value.equals(s.deviceId());
            case IP -> Cidr.parse(value).cidr().contains(s.ipAddress());
        };
    }

    public String describe() {
        return kind.label() + " " + value;
    }
}
