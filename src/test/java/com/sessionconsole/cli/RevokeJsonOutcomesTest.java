package com.sessionconsole.cli;

import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.files.Json;
import com.sessionconsole.support.ActiveSql;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code revoke --format json}: every outcome (dry run, nothing to do, done, refused, not confirmed) is one object with the
 * schema's fields, each given id in exactly one list; and a dry run is allowed on a read-only connection.
 */
class RevokeJsonOutcomesTest {
    static final List<String> LISTS = List.of("would_revoke", "revoked", "already_inactive", "not_found", "left_active",
            "not_changed_by_server");
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;
    UUID user = UUID.randomUUID();
    NewSession active;
    NewSession other;
    NewSession expired;
    NewSession deleted;
    Map<?, ?> schema;

    @BeforeEach
    void fill() throws Exception {
        SessionWriter writer = db.resetTable();
        Instant now = Instant.now();
        active = Rows.active(user, now).build();
        other = Rows.active(user, now).build();
        expired = Rows.active(user, now).expires(now.minusSeconds(3600)).build();
        deleted = Rows.active(user, now).deleted(now.minusSeconds(60)).build();
        writer.insert(List.of(active, other, expired, deleted));
        schema = (Map<?, ?>) Json.parse(Files.readString(Path.of("docs/schema/revoke-outcome.schema.json")));
    }

    private CliRunner.Run run(String stdin, String... args) {
        return new CliRunner(home).run(stdin, args);
    }

    /** The one object on standard output, checked against the schema, with every field the schema lists. */
    private Map<?, ?> object(CliRunner.Run r) {
        assertThat(r.out().lines().toList()).as(r.all()).hasSize(1);
        Map<?, ?> m = (Map<?, ?>) Json.parse(r.out());
        SchemaCheck.validate(schema, m);
        assertThat(new ArrayList<>(m.keySet())).isEqualTo(schema.get("required"));
        return m;
    }

    private static void eachGivenIdOnce(Map<?, ?> m, UUID... given) {
        List<Object> listed = new ArrayList<>();
        LISTS.forEach(l -> listed.addAll((List<?>) m.get(l)));
        ((List<?>) m.get("not_active")).forEach(o -> listed.add(((Map<?, ?>) o).get("id")));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(List.of(given).stream().map(UUID::toString).toList());
    }

    private String ids(NewSession... rows) {
        return String.join(",", List.of(rows).stream().map(r -> r.id().toString()).toList());
    }

    private boolean stillActive(NewSession row) {
        return db.count("SELECT count(*) FROM public.user_sessions WHERE id = ? AND " + ActiveSql.WHERE, row.id()) == 1;
    }

    @Test
    void givenIdsThatAreNotActiveAreListedWithWhy() {
        Map<?, ?> dry = object(run("", "revoke", "--ids", ids(active, expired, deleted), "--reason", "t", "--dry-run", "--format", "json"));
        eachGivenIdOnce(dry, active.id(), expired.id(), deleted.id());
        assertThat(dry.get("would_revoke")).isEqualTo(List.of(active.id().toString()));
        assertThat(dry.get("not_active").toString()).contains("expired at").contains("deleted at");

        CliRunner.Run real = run("", "revoke", "--ids", ids(active, expired, deleted), "--reason", "t", "--yes", "--format", "json");
        assertThat(real.code()).as(real.err()).isZero();
        Map<?, ?> done = object(real);
        eachGivenIdOnce(done, active.id(), expired.id(), deleted.id());
        assertThat(done.get("revoked")).isEqualTo(List.of(active.id().toString()));
        assertThat(done.get("confirmed")).isEqualTo(true);
        assertThat(done.get("complete")).isEqualTo(true);

        CliRunner.Run nothing = run("", "revoke", "--ids", ids(expired, deleted), "--reason", "t", "--yes", "--format", "json");
        assertThat(nothing.code()).as(nothing.err()).isZero();
        assertThat(nothing.err()).contains("Nothing to revoke");
        Map<?, ?> none = object(nothing);
        eachGivenIdOnce(none, expired.id(), deleted.id());
        assertThat(none.get("complete")).isEqualTo(true);
        assertThat(none.containsKey("audit_error")).isTrue();
    }

    @Test
    void anUnknownIdIsStillRefusedAndTheObjectSaysWhichOne() {
        UUID unknown = UUID.randomUUID();
        CliRunner.Run r = run("", "revoke", "--ids", active.id() + "," + unknown + "," + expired.id(), "--reason", "t", "--yes", "--format", "json");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        Map<?, ?> m = object(r);
        eachGivenIdOnce(m, active.id(), unknown, expired.id());
        assertThat(m.get("not_found")).isEqualTo(List.of(unknown.toString()));
        assertThat(m.get("left_active")).isEqualTo(List.of(active.id().toString()));
        assertThat((String) m.get("refused")).contains("no session has the id");
        assertThat(stillActive(active)).isTrue();
    }

    @Test
    void aRefusedOrUnconfirmedRevokeStillPrintsItsObject() {
        CliRunner.Run readOnly = run("", "revoke", "--ids", ids(active, expired), "--reason", "t", "--yes", "--format", "json", "--read-only");
        assertThat(readOnly.code()).as(readOnly.err()).isEqualTo(ExitCodes.REFUSED);
        Map<?, ?> refused = object(readOnly);
        eachGivenIdOnce(refused, active.id(), expired.id());
        assertThat((String) refused.get("refused")).contains("read-only");
        assertThat(refused.get("left_active")).isEqualTo(List.of(active.id().toString()));

        CliRunner.Run declined = run("no\n", "revoke", "--user", user.toString(), "--reason", "t", "--format", "json");
        assertThat(declined.code()).as(declined.err()).isEqualTo(ExitCodes.REFUSED);
        Map<?, ?> unconfirmed = object(declined);
        assertThat(unconfirmed.get("confirmed")).isEqualTo(false);
        assertThat(unconfirmed.get("refused")).isNull();
        assertThat(new ArrayList<Object>((List<?>) unconfirmed.get("left_active"))).containsExactlyInAnyOrder(active.id().toString(), other.id().toString());
        assertThat(stillActive(active) && stillActive(other)).isTrue();
    }

    @Test
    void aDryRunIsAllowedReadOnlyAndSaysARealRevokeWouldBeRefused() {
        CliRunner.Run text = run("", "revoke", "--user", user.toString(), "--reason", "t", "--dry-run", "--read-only");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.err()).contains("About to revoke 2 active session(s)").contains("A real revoke would be refused").contains("read-only");
        assertThat(text.out().lines().toList()).containsExactlyInAnyOrder(active.id().toString(), other.id().toString());

        CliRunner.Run json = run("", "revoke", "--user", user.toString(), "--reason", "t", "--dry-run", "--read-only", "--format", "json");
        assertThat(json.code()).as(json.err()).isZero();
        Map<?, ?> m = object(json);
        assertThat(m.get("dry_run")).isEqualTo(true);
        assertThat((String) m.get("refused")).contains("read-only");
        assertThat(stillActive(active) && stillActive(other)).isTrue();
    }
}
