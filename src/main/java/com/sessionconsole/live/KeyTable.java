package com.sessionconsole.live;

import com.sessionconsole.domain.Timestamps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What the poller knows of each active row, without an object per row: id, xmin and expires_at in four
 * parallel long arrays, open addressing with linear probing. About 64 bytes a session at half load,
 * where a HashMap of records took about 140.
 */
final class KeyTable {
    private static final long EMPTY = 0;
    private static final long DELETED = 1;

    private long[] msb;
    private long[] lsb;
    private long[] xmin;
    private long[] expires; // epoch microseconds, saturated at the infinities
    private byte[] state;  // EMPTY, DELETED or 2 (used)
    private int size;
    private int used; // live entries plus tombstones

    KeyTable(int expected) {
        allocate(Math.max(16, Integer.highestOneBit(Math.max(1, expected) * 2 - 1) << 1));
    }

    private void allocate(int capacity) {
        msb = new long[capacity];
        lsb = new long[capacity];
        xmin = new long[capacity];
        expires = new long[capacity];
        state = new byte[capacity];
        size = 0;
        used = 0;
    }

    int size() {
        return size;
    }

    /** The row's xmin, or -1 when the id is not known. */
    long xmin(UUID id) {
        int i = find(id);
        return i < 0 ? -1 : xmin[i];
    }

    /** Stores the row; returns the xmin it replaced, or -1 for a new id. */
    long put(UUID id, long version, Instant expiresAt) {
        if ((used + 1) * 2 > state.length) {
            rehash(size * 4 > state.length ? state.length * 2 : state.length);
        }
        int i = find(id);
        long previous = -1;
        if (i >= 0) {
            previous = xmin[i];
        } else {
            i = slotFor(id);
            if (state[i] == EMPTY) {
                used++;
            }
            state[i] = 2;
            msb[i] = id.getMostSignificantBits();
            lsb[i] = id.getLeastSignificantBits();
            size++;
        }
        xmin[i] = version;
        expires[i] = micros(expiresAt);
        return previous;
    }

    /** Forgets the row; returns its xmin, or -1 when it was not known. */
    long remove(UUID id) {
        int i = find(id);
        if (i < 0) {
            return -1;
        }
        state[i] = (byte) DELETED;
        size--;
        return xmin[i];
    }

    /** Every known id whose expires_at is not after {@code now}. */
    List<UUID> expiredAt(Instant now) {
        long limit = micros(now);
        List<UUID> out = new ArrayList<>();
        for (int i = 0; i < state.length; i++) {
            if (state[i] == 2 && expires[i] <= limit) {
                out.add(new UUID(msb[i], lsb[i]));
            }
        }
        return out;
    }

    void forEachId(Consumer<UUID> action) {
        for (int i = 0; i < state.length; i++) {
            if (state[i] == 2) {
                action.accept(new UUID(msb[i], lsb[i]));
            }
        }
    }

    private int find(UUID id) {
        long hi = id.getMostSignificantBits();
        long lo = id.getLeastSignificantBits();
        int mask = state.length - 1;
        for (int i = hash(hi, lo) & mask; ; i = (i + 1) & mask) {
            if (state[i] == EMPTY) {
                return -1;
            }
            if (state[i] == 2 && msb[i] == hi && lsb[i] == lo) {
                return i;
            }
        }
    }

    private int slotFor(UUID id) {
        int mask = state.length - 1;
        int i = hash(id.getMostSignificantBits(), id.getLeastSignificantBits()) & mask;
        while (state[i] == 2) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void rehash(int capacity) {
        long[] oldMsb = msb;
        long[] oldLsb = lsb;
        long[] oldXmin = xmin;
        long[] oldExpires = expires;
        byte[] oldState = state;
        allocate(capacity);
        for (int j = 0; j < oldState.length; j++) {
            if (oldState[j] == 2) {
                int i = slotFor(new UUID(oldMsb[j], oldLsb[j]));
                state[i] = 2;
                msb[i] = oldMsb[j];
                lsb[i] = oldLsb[j];
                xmin[i] = oldXmin[j];
                expires[i] = oldExpires[j];
                size++;
                used++;
            }
        }
    }

    private static int hash(long hi, long lo) {
        long h = hi * 0x9E3779B97F4A7C15L ^ lo * 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 32));
    }

    private static long micros(Instant t) {
        if (t.equals(Timestamps.INFINITY)) {
            return Long.MAX_VALUE;
        }
        if (t.equals(Timestamps.MINUS_INFINITY)) {
            return Long.MIN_VALUE;
        }
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
        } catch (ArithmeticException e) {
            return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
