package com.sessionconsole.app;

import com.sessionconsole.support.ChildJvm;
import com.sessionconsole.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command whose rows do not fit in the heap ends in one line that says so and what to do, exit 1, with the
 * stack trace in the log file and none on the terminal: a real run in a small JVM.
 */
class OutOfMemoryTest {
    static final int SESSIONS = 150_000;
    static TestDatabase db;

    @TempDir
    Path home;

    @BeforeAll
    static void manyActiveSessions() {
        db = TestDatabase.get();
        db.resetTable();
        db.exec("INSERT INTO public.user_sessions (user_id, session_token, expires_at, device_id, ip_address, user_agent, location, "
                + "trust_level, created_at) SELECT gen_random_uuid(), 'tok-' || g || '-' || md5(g::text), now() + interval '1 day', "
                + "'device-' || g, '10.' || (g % 250) || '.' || (g % 200) || '.' || (g % 199), 'Mozilla/5.0 (X11; Linux x86_64) "
                + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36 build ' || md5(g::text) || md5((g * 7)::text), "
                + "'Berlin, DE', g % 100, now() - g * interval '1 second' FROM generate_series(1, " + SESSIONS + ") g");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sessions --format csv", "export --view sessions --format json --out rows.json"})
    void aResultTooBigForTheHeapIsOneLineAndTheTraceIsInTheLog(String command) throws Exception {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--url", db.url(), "-U", db.settings().user()));
        ChildJvm.Result r = ChildJvm.main(home, List.of("-Xmx48m", "-XX:+UseSerialGC"), Map.of("session-console.home", home.toString()),
                args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).as(r.err()).doesNotContain("\tat ");
        assertThat(r.stackFrames()).as(r.err()).isEmpty();
        assertThat(r.err().lines().filter(l -> l.startsWith("error: out of memory")).toList()).as(r.err()).hasSize(1);
        assertThat(r.err()).containsPattern("max \\d+ MB").contains("-Xmx");
        assertThat(r.out()).as("stdout").isEmpty();
        assertThat(Files.readString(home.resolve("data").resolve("session-console.log")))
                .contains("java.lang.OutOfMemoryError").contains("\tat ");
    }
}
