package com.sessionconsole.live.ui;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Session;

import java.util.Objects;

/** "Show all sessions of this user / device / IP": an exact match on one key, NULL included. */
public record Pivot(GroupBy by, String key) {
    public boolean matches(Session s) {
        return Objects.equals(s.key(by), key);
    }

    public String describe() {
        return by.label() + " " + (key == null ? "(empty)" : key);
    }
}
