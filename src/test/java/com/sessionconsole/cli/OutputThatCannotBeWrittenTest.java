package com.sessionconsole.cli;

import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.RawRow;
import com.sessionconsole.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Output cut short (a full disk behind a redirect, a closed pipe) is a failure with a message, never exit 0. */
class OutputThatCannotBeWrittenTest {
    final TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;

    /** Accepts {@code room} characters, then fails as a full disk does. */
    static final class FullDisk extends Writer {
        private int room;

        FullDisk(int room) {
            this.room = room;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            if (len > room) {
                throw new IOException("No space left on device");
            }
            room -= len;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aCommandWhoseOutputIsCutShortFailsAndSaysSo() {
        db.resetTable();
        List<RawRow> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(RawRow.active("infinity").with("ip_address", "10.0." + i / 250 + "." + i % 250));
        }
        RawRow.insert(db.admin(), rows);
        for (List<String> args : List.of(List.of("sessions", "--format", "json"), List.of("summary", "--by", "ip", "--format", "csv"),
                List.of("sessions"))) {
            CliRunner.Run r = new CliRunner(home).run(new ByteArrayInputStream(new byte[0]), new FullDisk(2000), args.toArray(String[]::new));
            assertThat(r.code()).as("%s: %s", args, r.err()).isEqualTo(ExitCodes.FAILED);
            assertThat(r.err()).as("%s", args).contains("could not be written in full");
        }
        CliRunner.Run fits = new CliRunner(home).run(new ByteArrayInputStream(new byte[0]), new FullDisk(10_000_000), "sessions");
        assertThat(fits.code()).as(fits.err()).isZero();
    }
}
