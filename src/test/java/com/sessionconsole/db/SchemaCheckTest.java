package com.sessionconsole.db;

import com.sessionconsole.workspace.AppDirs;
import com.sessionconsole.workspace.WorkspaceFactory;
import com.sessionconsole.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaCheckTest {
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;

    @AfterEach
    void restore() {
        db.resetTable();
    }

    private WorkspaceFactory factory() {
        return new WorkspaceFactory(new AppDirs(home, home), Map.of(), x -> Optional.empty(), Clock.systemUTC());
    }

    @Test
    void missingAndMistypedColumnsAreEachNamed() {
        db.resetTable();
        db.exec("ALTER TABLE public.user_sessions DROP COLUMN location");
        db.exec("ALTER TABLE public.user_sessions ALTER COLUMN trust_level TYPE text");
        assertThatThrownBy(() -> factory().openServer(db.settings(), Set.of()))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("column location is missing (expected character varying)")
                .hasMessageContaining("column trust_level has type text, expected integer")
                .satisfies(e -> assertThat(((DatabaseException) e).kind()).isEqualTo(DatabaseException.Kind.SCHEMA));
    }

    @Test
    void missingTableIsNamed() {
        db.exec("DROP TABLE public.user_sessions");
        assertThatThrownBy(() -> factory().openServer(db.settings(), Set.of()))
                .hasMessageContaining("table public.user_sessions does not exist");
    }

    @Test
    void theExactSchemaPasses() {
        db.resetTable();
        try (var ws = factory().openServer(db.settings(), Set.of())) {
            assertThat(ws.revocation().allowed()).isTrue();
        }
    }

    @Test
    void theSqlFileRecreatesEveryIndexOfTheProductionSchema() {
        db.resetTable();
        assertThat(db.query("SELECT indexname FROM pg_indexes WHERE tablename = 'user_sessions' ORDER BY 1"))
                .extracting(r -> r.get(0))
                .containsExactly("idx_user_sessions_device_user", "idx_user_sessions_expires_at", "idx_user_sessions_ip_created",
                        "idx_user_sessions_session_token", "idx_user_sessions_token", "idx_user_sessions_token_active",
                        "idx_user_sessions_user_active", "idx_user_sessions_user_device_active", "idx_user_sessions_user_id",
                        "user_sessions_pkey", "user_sessions_session_token_key");
    }
}
