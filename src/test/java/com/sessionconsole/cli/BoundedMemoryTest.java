package com.sessionconsole.cli;

import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the CLI prints streams, and what it reads is bounded before it is read: a user's long history prints as
 * JSON in a small heap, and an endless standard input is refused after a few kilobytes.
 */
class BoundedMemoryTest {
    static final int SESSIONS = 50_000;
    /**
     * Less than the rows would need if they were held (measured: 72 to 96 MB for 50,000), let alone their JSON as one
     * text (that failed even in 192 MB): they stream from a database cursor to the output.
     */
    static final String HEAP = "-Xmx48m";

    final TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;

    @Test
    void historyOfFiftyThousandSessionsPrintsInASmallHeapAsJsonAndAsATable() throws Exception {
        db.resetTable();
        UUID user = UUID.randomUUID();
        db.exec("INSERT INTO public.user_sessions (user_id, session_token, expires_at, device_id, ip_address, user_agent, location, "
                + "trust_level, created_at) SELECT ?, 'tok-' || g || '-' || md5(g::text), now() + interval '1 day', 'device-' || (g % 97), "
                + "'10.' || (g % 250) || '.' || (g % 200) || '.7', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/124.0 Safari/537.36 build ' || md5(g::text) || md5((g * 7)::text), 'Berlin, DE', g % 100, "
                + "now() - g * interval '1 minute' FROM generate_series(1, " + SESSIONS + ") g", user);

        Path out = history(user, "json");
        long objects;
        try (var lines = Files.lines(out)) {
            objects = lines.mapToLong(l -> l.split("\"token_masked\"", -1).length - 1).sum();
        }
        assertThat(objects).isEqualTo(SESSIONS);
        Path table = history(user, "table");
        List<String> lines = Files.readAllLines(table);
        assertThat(lines).hasSize(SESSIONS + 2);
        assertThat(lines.get(lines.size() - 1)).isEqualTo("(" + SESSIONS + " rows)");
    }

    /** Runs history in a child JVM with a small heap; returns the file its standard output went to. */
    private Path history(UUID user, String format) throws Exception {
        Path out = home.resolve("history." + format);
        Path err = home.resolve("history." + format + ".err");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-XX:+UseSerialGC", "-Duser.home=" + home, "-Dsession-console.logdir=" + home.resolve("logs"),
                "-cp", System.getProperty("java.class.path"), "com.sessionconsole.app.Main",
                "history", "--user", user.toString(), "--format", format, "--url", db.url(), "-U", db.settings().user()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().remove("XDG_CONFIG_HOME");
        pb.environment().remove("XDG_DATA_HOME");
        Process p = pb.start();
        assertThat(p.waitFor(150, TimeUnit.SECONDS)).as("finished").isTrue();
        assertThat(p.exitValue()).as("exit code; stderr:\n%s", Files.readString(err)).isZero();
        return out;
    }

    @Test
    void findTokenRefusesAnEndlessStandardInputAfterAFewKilobytes() {
        CountingEndlessInput stdin = new CountingEndlessInput(20_000_000);
        CliRunner.Run r = new CliRunner(home).run(stdin, "find-token");
        assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("standard input").contains("255");
        assertThat(stdin.read).as("bytes read from standard input").isLessThanOrEqualTo(4096 + 32 * 1024);
    }

    /** 'a' without a line break, generated as it is read, up to {@code limit} bytes; counts what was read. */
    static final class CountingEndlessInput extends InputStream {
        final long limit;
        long read;

        CountingEndlessInput(long limit) {
            this.limit = limit;
        }

        @Override
        public int read() {
            if (read >= limit) {
                return -1;
            }
            read++;
            return 'a';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= limit) {
                return -1;
            }
            int n = (int) Math.min(len, limit - read);
            java.util.Arrays.fill(b, off, off + n, (byte) 'a');
            read += n;
            return n;
        }
    }
}
