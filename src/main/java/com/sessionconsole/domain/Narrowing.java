package com.sessionconsole.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A part of the active set the console loads instead of all of it, applied in the SQL before anything is
 * transferred: for a tenant too large for this console's memory. Each part is optional; they combine with
 * AND, with the filter bar's meaning (IP in a network, user id and location contain the text, created
 * within the last so long).
 */
public record Narrowing(Cidr ip, String user, Duration createdWithin, String location) {
    public static final Narrowing NONE = new Narrowing(null, null, null, null);

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The parts of a filter the server can apply; text, trust and expiry stay with the client. */
    public static Narrowing of(SessionFilter f) {
        return new Narrowing(f.ip(), f.user(), f.createdWithin(), f.location());
    }

    public String describe() {
        List<String> parts = new ArrayList<>();
        if (ip != null) {
            parts.add("ip in " + ip.text());
        }
        if (user != null) {
            parts.add("user contains " + VisibleText.of(user));
        }
        if (createdWithin != null) {
            parts.add("created within " + createdWithin.toString().substring(2).toLowerCase(Locale.ROOT));
        }
        if (location != null) {
            parts.add("location contains " + VisibleText.of(location));
        }
        return parts.isEmpty() ? "everything" : String.join(", ", parts);
    }
}
