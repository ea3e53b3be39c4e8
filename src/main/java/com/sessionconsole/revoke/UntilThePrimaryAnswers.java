package com.sessionconsole.revoke;

import com.sessionconsole.db.DatabaseException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Asks the primary again and again until it answers or the window closes. The deadline and every wait are
 * measured on the same clock, so that the last wait ends at the deadline and not beyond it. An interrupt
 * (the console is closing) ends the waiting at once.
 */
final class UntilThePrimaryAnswers {
    static final Duration RETRY_EVERY = Duration.ofMillis(500);

    /** The primary did not answer in time, or the waiting was interrupted; {@code last} is its last failure. */
    static final class NoAnswer extends Exception {
        final DatabaseException last;
        final boolean interrupted;

        NoAnswer(DatabaseException last, boolean interrupted) {
            super(last.getMessage(), last);
            this.last = last;
            this.interrupted = interrupted;
        }
    }

    private final Clock clock;
    private final Duration window;

    UntilThePrimaryAnswers(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    Duration window() {
        return window;
    }

    <T> T read(Supplier<T> query) throws NoAnswer {
        Instant deadline = clock.instant().plus(window);
        while (true) {
            try {
                return query.get();
            } catch (DatabaseException e) {
                Duration left = Duration.between(clock.instant(), deadline);
                if (left.isNegative() || left.isZero()) {
                    throw new NoAnswer(e, false);
                }
                try {
                    Thread.sleep(Math.max(1, (left.compareTo(RETRY_EVERY) < 0 ? left : RETRY_EVERY).toMillis()));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new NoAnswer(e, true);
                }
            }
        }
    }
}
