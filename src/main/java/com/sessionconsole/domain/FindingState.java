package com.sessionconsole.domain;

import java.util.Locale;

/**
 * Where the analyst is with a finding. NEW until someone looks at it; ACKNOWLEDGED when someone is on it;
 * MUTED when it is known and accepted (still listed, ranked as usual, marked muted); RESOLVED when the
 * finding is no longer present (its sessions ended), kept for a while so that it does not silently vanish.
 */
public enum FindingState {
    NEW, ACKNOWLEDGED, MUTED, RESOLVED;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FindingState parse(String text) {
        for (FindingState s : values()) {
            if (s.cliName().equalsIgnoreCase(text.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown state '" + text + "': use new, acknowledged, muted or resolved");
    }
}
