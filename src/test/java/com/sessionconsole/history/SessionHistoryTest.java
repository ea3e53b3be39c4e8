package com.sessionconsole.history;

import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SessionHistoryTest {
    @TempDir
    Path home;

    @Test
    void everySessionOfAUserWithHowItEndedActiveOnTop() {
        TestDatabase db = TestDatabase.get();
        SessionWriter writer = db.resetTable();
        UUID user = UUID.randomUUID();
        Instant now = Instant.now();
        NewSession active = Rows.active(user, now).created(now.minus(Duration.ofDays(3))).build();
        NewSession expired = Rows.active(user, now).created(now.minus(Duration.ofDays(2))).expires(now.minus(Duration.ofDays(1))).isActive(false).build();
        NewSession deleted = Rows.active(user, now).created(now.minus(Duration.ofHours(5))).isActive(false).deleted(now.minus(Duration.ofHours(1))).build();
        NewSession zombie = Rows.active(user, now).created(now.minus(Duration.ofHours(2))).expires(now.minus(Duration.ofHours(1))).build();
        writer.insert(List.of(active, expired, deleted, zombie));
        // the application set it inactive a minute after it expired
        db.exec("UPDATE public.user_sessions SET updated_at = expires_at + interval '1 minute' WHERE id = ?", expired.id());
        try (var ws = TestWorkspace.open(home)) {
            SessionHistory.Result r = new SessionHistory(ws.dao()).load(GroupBy.USER, user.toString());
            assertThat(r.entries()).extracting(e -> e.session().id()).containsExactly(active.id(), zombie.id(), deleted.id(), expired.id());
            assertThat(r.entries()).extracting(SessionHistory.Entry::status).containsExactly(SessionHistory.Status.ACTIVE,
                    SessionHistory.Status.ACTIVE_BUT_EXPIRED, SessionHistory.Status.DELETED, SessionHistory.Status.EXPIRED);
            assertThat(r.entries().get(0).endedAt()).isNull();
        }
    }
}
