package com.sessionconsole.live.ui;

import com.sessionconsole.domain.Cidr;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Session;

import java.util.Objects;

/**
 * "Show all sessions of this user / device / IP": an exact match on one key, NULL included; an IP key that is a
 * network ("5.188.62.0/24", the subject of a network finding) matches every address in it.
 */
public record Pivot(GroupBy by, String key, Cidr network) {
    public Pivot(GroupBy by, String key) {
        this(by, key, by == GroupBy.IP && key != null && key.indexOf('/') > 0 ? Cidr.parse(key).cidr() : null);
    }

    public boolean matches(Session s) {
        return network != null ? network.contains(s.ipAddress()) : Objects.equals(s.key(by), key);
    }

    public String describe() {
        return by.label() + " " + (key == null ? "(empty)" : key);
    }
}
