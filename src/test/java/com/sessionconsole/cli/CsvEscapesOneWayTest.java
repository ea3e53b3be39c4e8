package com.sessionconsole.cli;

import com.sessionconsole.files.SpreadsheetCells;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every CSV writer escapes the same characters the same way; --raw writes each cell exactly as stored, to a file or a pipe. */
class CsvEscapesOneWayTest {
    static final String LOCATION = "a\nb\tc\rd\u001b[31me\u202Ef";
    static final String ESCAPED = "a\\x0ab\\x09c\\x0dd\\x1b[31me\\u202ef";
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;

    @BeforeEach
    void fill() {
        db.resetTable().insert(List.of(Rows.active(UUID.randomUUID(), Instant.now()).location(LOCATION).device("=cmd|' /C calc'!A0").build()));
    }

    private CliRunner.Run run(String... args) {
        CliRunner.Run r = new CliRunner(home).run("", args);
        assertThat(r.code()).as(r.all()).isZero();
        return r;
    }

    private static CSVRecord only(String csv) throws IOException {
        List<CSVRecord> records = SpreadsheetCells.format().builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    @Test
    void withoutRawEveryCsvWriterEscapesTheSameWay() throws Exception {
        CSVRecord sessions = only(run("sessions", "--format", "csv").out());
        CSVRecord exportedToStdout = only(run("export", "--view", "sessions", "--out", "-", "--provenance", "none").out());
        Path file = home.resolve("x.csv");
        run("export", "--view", "sessions", "--out", file.toString(), "--provenance", "none");
        CSVRecord exportedToFile = only(Files.readString(file));
        for (CSVRecord r : List.of(sessions, exportedToStdout, exportedToFile)) {
            assertThat(r.get("location")).isEqualTo(ESCAPED);
            assertThat(r.get("device_id")).isEqualTo("'=cmd|' /C calc'!A0");
        }
    }

    @Test
    void rawWritesEveryCellExactlyAsStored() throws Exception {
        Path file = home.resolve("raw.csv");
        run("export", "--view", "sessions", "--raw", "--out", file.toString(), "--provenance", "none");
        CliRunner.Run piped = run("export", "--view", "sessions", "--raw", "--out", "-", "--provenance", "none");
        for (CSVRecord r : List.of(only(Files.readString(file)), only(piped.out()))) {
            assertThat(r.get("location")).isEqualTo(LOCATION);
            assertThat(r.get("device_id")).isEqualTo("=cmd|' /C calc'!A0");
        }
    }
}
