package com.sessionconsole.history;

import com.sessionconsole.domain.Cidr;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.UserIds;
import com.sessionconsole.domain.VisibleText;

import java.util.Locale;

/**
 * What the analyst looks up the history of: a user id, a device, an IP or a network, or a token fingerprint (as the
 * console, exports and the audit log show it: {@code sha256:} and hex digits). Parsed strictly, with a message for
 * the field when the text cannot be what was chosen.
 */
public record HistoryQuery(Kind kind, String key) {
    /** The shortest fingerprint prefix accepted: fewer hex digits would match sessions by chance. */
    static final int MIN_HEX = 8;

    public enum Kind {
        USER("User id", GroupBy.USER), DEVICE("Device", GroupBy.DEVICE), IP("IP or CIDR", GroupBy.IP), TOKEN("Token fingerprint", null);

        private final String label;
        private final GroupBy by;

        Kind(String label, GroupBy by) {
            this.label = label;
            this.by = by;
        }

        public String label() {
            return label;
        }

        /** The group this kind of key names; null for a token. */
        public GroupBy groupBy() {
            return by;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** @throws IllegalArgumentException with what is wrong, in words for the field */
    public static HistoryQuery parse(Kind kind, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("enter a " + kind.label().toLowerCase(Locale.ROOT) + " to look up");
        }
        return switch (kind) {
            case USER -> new HistoryQuery(kind, UserIds.parse(t).toString());
            case DEVICE -> new HistoryQuery(kind, text); // a device id is free text: looked up exactly as typed
            case IP -> {
                if (t.contains("/")) {
                    Cidr.Result network = Cidr.parse(t);
                    if (network.error() != null) {
                        throw new IllegalArgumentException(network.error());
                    }
                }
                yield new HistoryQuery(kind, t);
            }
            case TOKEN -> new HistoryQuery(kind, fingerprintHex(t));
        };
    }

    private static String fingerprintHex(String t) {
        String hex = t.toLowerCase(Locale.ROOT).startsWith("sha256:") ? t.substring("sha256:".length()) : t;
        if (!hex.matches("[0-9a-fA-F]{" + MIN_HEX + ",64}")) {
            throw new IllegalArgumentException("a token fingerprint is sha256: and " + MIN_HEX + " to 64 hex digits, such as sha256:3fa1c29b07d4"
                    + " (Find token… takes a whole token)");
        }
        return hex.toLowerCase(Locale.ROOT);
    }

    /** "user 2000…", "IP 10.0.0.0/8", "token sha256:3fa1c29b07d4": the key escaped, as every stored value. */
    public String describe() {
        return switch (kind) {
            case TOKEN -> "token sha256:" + key;
            case IP -> (key.contains("/") ? "network " : "IP ") + VisibleText.of(key);
            default -> kind.groupBy().label() + " " + VisibleText.of(key);
        };
    }
}
