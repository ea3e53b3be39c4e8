package com.sessionconsole.live.ui;

import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.Session;
import com.sessionconsole.live.FilterParser;
import com.sessionconsole.support.HeadlessConsole;
import com.sessionconsole.support.MutableClock;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #12, bug 2: rows enter and leave the view as time passes, with no poll and no change in the data.
 * The clock moves; polling is paused, so only the view's own boundary timer can bring the change.
 */
class TimeBoundariesTest {
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;
    Workspace ws;
    HeadlessConsole console;
    MutableClock clock;
    LiveViewModel live;
    NewSession recent;
    NewSession older;
    NewSession expiresSoon;
    NewSession expiresLater;

    @BeforeEach
    void setUp() {
        SessionWriter writer = db.resetTable();
        ws = TestWorkspace.open(home);
        Instant now = ws.dao().serverTime();
        recent = Rows.active(UUID.randomUUID(), now).created(now.minus(Duration.ofMinutes(20))).expires(now.plus(Duration.ofHours(5))).build();
        older = Rows.active(UUID.randomUUID(), now).created(now.minus(Duration.ofMinutes(40))).expires(now.plus(Duration.ofHours(5))).build();
        expiresSoon = Rows.active(UUID.randomUUID(), now).created(now.minus(Duration.ofHours(3))).expires(now.plus(Duration.ofMinutes(10))).build();
        expiresLater = Rows.active(UUID.randomUUID(), now).created(now.minus(Duration.ofHours(3))).expires(now.plus(Duration.ofMinutes(90))).build();
        writer.insert(List.of(recent, older, expiresSoon, expiresLater));
        clock = new MutableClock(Instant.now());
        console = new HeadlessConsole(ws, home.resolve("w.txt"), clock).start();
        live = console.vm.live();
        console.vm.status().togglePaused(); // from here on only time moves
    }

    @AfterEach
    void tearDown() {
        console.close();
        ws.close();
    }

    private List<UUID> shown() {
        return live.sessions().stream().map(Session::id).toList();
    }

    /** Moves the clock and fires whatever timers are due, as the passing of time would. */
    private void wait(Duration d) {
        clock.advance(d);
        console.runner.runScheduled();
    }

    @Test
    void createdWithinLetsARowGoWhenItGetsTooOld() {
        live.filter().input(FilterParser.Field.CREATED_WITHIN).set("30m");
        assertThat(shown()).containsExactly(recent.id());
        clock.advance(Duration.ofMinutes(5));
        assertThat(shown()).as("nothing moves before the timer fires").containsExactly(recent.id());
        console.runner.runScheduled();
        assertThat(shown()).as("25 minutes old: still inside").containsExactly(recent.id());
        wait(Duration.ofMinutes(6));
        assertThat(shown()).as("31 minutes old: gone, without a poll").isEmpty();
    }

    @Test
    void expiresWithinLetsARowInWhenItsExpiryComesClose() {
        live.filter().input(FilterParser.Field.EXPIRES_WITHIN).set("1h");
        assertThat(shown()).containsExactly(expiresSoon.id());
        wait(Duration.ofMinutes(11));
        assertThat(shown()).as("the first one expired, the second not yet within the hour").isEmpty();
        wait(Duration.ofMinutes(20));
        assertThat(shown()).as("59 minutes before its expiry: in").containsExactly(expiresLater.id());
    }

    @Test
    void anExpiredSessionLeavesEveryViewAtItsExpiry() {
        assertThat(shown()).hasSize(4);
        wait(Duration.ofMinutes(9));
        assertThat(shown()).hasSize(4).contains(expiresSoon.id());
        wait(Duration.ofMinutes(2));
        assertThat(shown()).hasSize(3).doesNotContain(expiresSoon.id());
        assertThat(live.countTextProperty().get()).as("an expired session is not counted as active").isEqualTo("3 active");
    }
}
