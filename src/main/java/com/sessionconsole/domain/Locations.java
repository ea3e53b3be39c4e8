package com.sessionconsole.domain;

/** What a stored location ("City, CC") says about where a session is. */
public final class Locations {
    private Locations() {
    }

    /** "City, CC" → "CC"; other text is its own country; NULL stays NULL. */
    public static String country(String location) {
        if (location == null) {
            return null;
        }
        int comma = location.lastIndexOf(',');
        return comma < 0 ? location.strip() : location.substring(comma + 1).strip();
    }
}
