package com.sessionconsole.live;

import com.sessionconsole.domain.Narrowing;
import com.sessionconsole.domain.RefusedException;

/**
 * How many active sessions this console can hold, checked against the server's count before anything is
 * loaded: a tenant too large for the heap is refused with a way forward instead of an OutOfMemoryError.
 */
public record MemoryBudget(long maxSessions, long heapBytes) {
    /**
     * What one session costs while it is loaded and shown (its row, the live set, the view, the poller's
     * key table), with room for the first load's peak. Measured: about 1 kB at 100k and 1M active (BENCHMARKS.md).
     */
    public static final long BYTES_PER_SESSION = 1_500;
    /** The share of the heap the live set may use; the rest is for the window, exports and the next tick. */
    private static final double SHARE = 0.7;

    /** The budget for this JVM's maximum heap (-Xmx, or a quarter of the machine's memory by default). */
    public static MemoryBudget ofThisJvm() {
        return ofHeap(Runtime.getRuntime().maxMemory());
    }

    /** The budget for a heap of this size. */
    public static MemoryBudget ofHeap(long maxHeapBytes) {
        return new MemoryBudget((long) (maxHeapBytes * SHARE / BYTES_PER_SESSION), maxHeapBytes);
    }

    void check(long activeSessions, Narrowing narrowing) {
        if (activeSessions > maxSessions) {
            throw new RefusedException(String.format("%,d active sessions%s is more than this console can hold (about %,d with its %,d MB "
                            + "of memory). Nothing was loaded. Narrow it on the server: put an IP network, a user, a creation time or a "
                            + "location in the filter bar and choose Actions > Load only the filtered sessions, or start with "
                            + "--where-ip, --where-user, --where-created-within or --where-location.",
                    activeSessions, narrowing.isEmpty() ? "" : " (" + narrowing.describe() + ")", maxSessions, heapBytes >> 20));
        }
    }
}
