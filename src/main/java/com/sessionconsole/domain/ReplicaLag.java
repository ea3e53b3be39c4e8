package com.sessionconsole.domain;

/**
 * How far the read replica is behind the primary. {@code secondsBehind} is 0 when it has replayed
 * everything the primary has written (an idle primary does not make a replica "late"), and null when
 * the replica has not replayed any transaction yet.
 */
public record ReplicaLag(long bytesBehind, Double secondsBehind, boolean replayPaused) {
    public static final double DEFAULT_WARN_SECONDS = 10;

    public boolean worrying(double warnSeconds) {
        return replayPaused || (secondsBehind != null && secondsBehind > warnSeconds);
    }

    public String describe() {
        String behind = bytesBehind <= 0 ? "in sync" : (secondsBehind == null ? "?" : String.format("%.1f s", secondsBehind))
                + " / " + bytes(bytesBehind) + " behind";
        return "replica " + behind + (replayPaused ? ", replay PAUSED" : "");
    }

    private static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        return n < 1024 * 1024 ? String.format("%.1f kB", n / 1024.0) : String.format("%.1f MB", n / (1024.0 * 1024));
    }
}
