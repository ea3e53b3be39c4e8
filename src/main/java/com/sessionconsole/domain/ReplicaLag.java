package com.sessionconsole.domain;

/**
 * How far the read replica is behind the primary. {@code secondsBehind} is 0 when the standby has
 * replayed all the WAL it received and is streaming (a long transaction on the primary does not make it
 * "late"); otherwise the time since it last replayed a commit, or null when it never has.
 * {@code problem} is set when the read server cannot be trusted to follow the primary at all.
 */
public record ReplicaLag(long bytesBehind, Double secondsBehind, boolean replayPaused, String problem) {
    public static final double DEFAULT_WARN_SECONDS = 10;

    public boolean worrying(double warnSeconds) {
        return problem != null || replayPaused || (secondsBehind == null ? bytesBehind > 0 : secondsBehind > warnSeconds);
    }

    public String describe() {
        if (problem != null) {
            return "replica problem: " + problem;
        }
        String behind = bytesBehind <= 0 && (secondsBehind == null || secondsBehind == 0) ? "in sync"
                : (secondsBehind == null ? "? s (no commit replayed yet)" : String.format("%.1f s", secondsBehind)) + " / "
                + bytes(bytesBehind) + " behind";
        return "replica " + behind + (replayPaused ? ", replay PAUSED" : "");
    }

    private static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        return n < 1024 * 1024 ? String.format("%.1f kB", n / 1024.0) : String.format("%.1f MB", n / (1024.0 * 1024));
    }
}
