package com.sessionconsole.ui;

import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.history.SessionHistory;
import com.sessionconsole.history.ui.HistoryViewModel;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #12, bug 4: when two loads overlap and the older one finishes last, the newer one stays on screen. */
class LatestWinsTest {
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;

    /** Holds background work until the test releases it, in any order it likes. */
    static final class HeldRunner implements TaskRunner {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public Executor viewLane() {
            return held::add;
        }

        @Override
        public Executor io() {
            return held::add;
        }

        @Override
        public ScheduledExecutorService scheduler() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void ui(Runnable work) {
            work.run();
        }
    }

    @Test
    void anOlderHistoryThatFinishesLastDoesNotReplaceTheNewerOne() throws Exception {
        var writer = db.resetTable();
        var now = java.time.Instant.now();
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        writer.insert(List.of(Rows.active(alice, now).build(), Rows.active(alice, now).build(), Rows.active(bob, now).build()));
        try (Workspace ws = TestWorkspace.open(home)) {
            HeldRunner runner = new HeldRunner();
            HistoryViewModel history = new HistoryViewModel(runner, new SessionHistory(ws.dao()));
            history.load(GroupBy.USER, alice.toString());
            history.load(GroupBy.USER, bob.toString());
            runner.held.get(1).run(); // bob's, asked for last, finishes first
            runner.held.get(0).run(); // alice's finishes after it
            assertThat(history.titleProperty().get()).contains(bob.toString()).contains("1 session,");
            assertThat(history.entries()).singleElement().satisfies(e -> assertThat(e.session().userId()).isEqualTo(bob));
        }
    }

    @Test
    void aFailureOfAnOlderRequestIsDroppedToo() {
        HeldRunner runner = new HeldRunner();
        LatestWins latest = new LatestWins(runner, runner.io());
        List<String> shown = new ArrayList<>();
        latest.<String>submit(() -> {
            throw new IllegalStateException("old");
        }, shown::add, e -> shown.add("failed: " + e.getMessage()));
        latest.submit(() -> "new", shown::add, e -> shown.add("failed: " + e.getMessage()));
        runner.held.get(1).run();
        runner.held.get(0).run();
        assertThat(shown).containsExactly("new");
    }
}
