package com.sessionconsole.demo;

import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.NewSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the demo database alive: every second or two some users log in and others log out, and the planted cases
 * are planted again when their cycle has passed ({@link DemoStory}). The scheduler only times each step; the writes
 * run on the I/O pool, never on the poll lane.
 */
public final class DemoTraffic implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);

    private final SessionWriter writer;
    private final SessionGenerator generator;
    private final DemoStory story;
    private final ScheduledExecutorService scheduler;
    private final Executor io;
    private final Clock clock;
    private final Random rnd = new Random(7);
    private volatile boolean stopped;
    private ScheduledFuture<?> next;

    public DemoTraffic(SessionWriter writer, SessionGenerator generator, DemoStory story, ScheduledExecutorService scheduler, Executor io,
                       Clock clock) {
        this.writer = writer;
        this.generator = generator;
        this.story = story;
        this.scheduler = scheduler;
        this.io = io;
        this.clock = clock;
    }

    public void start() {
        scheduleNext();
    }

    private synchronized void scheduleNext() {
        if (!stopped) {
            try {
                next = scheduler.schedule(() -> io.execute(this::step), 1000 + rnd.nextInt(1000), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                stopped = true;
            }
        }
    }

    private void step() {
        if (stopped) {
            return;
        }
        runOnce();
        scheduleNext();
    }

    /** One step of traffic, as of the clock: the story's cycle, a few logins, a few logouts. */
    void runOnce() {
        try {
            story.replantIfDue(clock.instant());
            List<NewSession> logins = new ArrayList<>();
            for (int i = rnd.nextInt(4); i >= 0; i--) {
                logins.add(generator.newLogin(rnd, clock.instant()));
            }
            writer.insert(logins);
            writer.endRandomSessions(rnd.nextInt(3));
        } catch (RuntimeException e) {
            log.debug("demo traffic step skipped: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        stopped = true;
        if (next != null) {
            next.cancel(false);
        }
    }
}
