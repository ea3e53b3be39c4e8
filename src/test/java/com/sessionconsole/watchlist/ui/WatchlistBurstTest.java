package com.sessionconsole.watchlist.ui;

import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Session;
import com.sessionconsole.support.HeadlessConsole;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A burst of new sessions in one poll (a credential-stuffing wave) must not hide the watched one among them. */
class WatchlistBurstTest {
    final TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;

    @Test
    void aWatchedSessionInABurstOfMoreThanTenThousandRaisesItsHit() {
        db.resetTable().insert(List.of(Rows.active(UUID.randomUUID(), Instant.now()).ip("203.0.113.1").build()));
        try (Workspace ws = TestWorkspace.open(home); HeadlessConsole console = new HeadlessConsole(ws, home.resolve("watch.txt"),
                Clock.systemUTC()).start()) {
            console.vm.watchlist().watch(GroupBy.IP, "198.18.0.0/15");
            db.exec("INSERT INTO public.user_sessions (user_id, session_token, expires_at, ip_address) SELECT gen_random_uuid(), "
                    + "'burst-' || g, now() + interval '1 day', '203.0.' || (g % 250) || '.' || (g % 200) FROM generate_series(1, 12000) g");
            UUID watched = UUID.randomUUID();
            db.exec("INSERT INTO public.user_sessions (id, user_id, session_token, expires_at, ip_address) "
                    + "VALUES (?, gen_random_uuid(), 'watched-one', now() + interval '1 day', '198.19.4.4')", watched);
            console.refresh();
            assertThat(console.vm.live().sessions()).hasSize(12_002);
            assertThat(console.vm.watchlist().hitsProperty().get()).extracting(Session::id).containsExactly(watched);
        }
    }
}
