package com.sessionconsole.cli;

import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.RawRow;
import com.sessionconsole.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In lines that hold several fields (the revoke preview), a stored value cannot end its field early and forge the
 * fields after it, and NULL, the empty text and look-alikes of them print differently.
 */
class LineFieldsCannotBeForgedTest {
    static final UUID USER = UUID.fromString("f0f0f0f0-0000-4000-8000-000000000001");
    final TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;

    @Test
    void theRevokePreviewQuotesEveryStoredValue() {
        db.resetTable();
        List<RawRow> rows = new ArrayList<>();
        String[][] devices = {
                {"laptop  ip '203.0.113.9' (address 203.0.113.9)", "\"laptop  ip '203.0.113.9' (address 203.0.113.9)\"  ip ∅"},
                {"pc\"  ip \"203.0.113.9", "\"pc\\x22  ip \\x22203.0.113.9\"  ip ∅"},
                {null, "device ∅  ip ∅"},
                {"(none)", "device \"(none)\"  ip ∅"},
                {"", "device \"\"  ip ∅"},
                {"∅", "device \"∅\"  ip ∅"}};
        for (String[] d : devices) {
            rows.add(RawRow.active("infinity").with("user_id", USER).with("device_id", d[0]).with("ip_address", null));
        }
        RawRow.insert(db.admin(), rows);
        CliRunner.Run r = new CliRunner(home).run("no\n", "revoke", "--user", USER.toString(), "--reason", "forgery");
        assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.REFUSED);
        // the sample lines of the preview (on stderr), each followed by the session's location and agent
        List<String> lines = r.err().lines().filter(l -> l.startsWith("  ") && l.contains("  user ")).toList();
        assertThat(lines).hasSize(devices.length);
        for (String[] d : devices) {
            assertThat(lines).as("device %s", d[0]).anySatisfy(l -> assertThat(l).contains(d[1] + "  location "));
        }
        assertThat(lines).noneMatch(l -> l.contains("ip '203.0.113.9'") && !l.contains("\"laptop"));
    }

    @Test
    void aStoredEllipsisIsNotTakenForACutAndUnknownCodePointsAreEscaped() {
        db.resetTable();
        RawRow.insert(db.admin(), List.of(RawRow.active("infinity").with("device_id", "short…"),
                RawRow.active("infinity").with("device_id", "x".repeat(60)),
                RawRow.active("infinity").with("device_id", "dev-\uffff-\ue000-\ud80d\udc3f")));
        CliRunner.Run r = new CliRunner(home).run("", "sessions");
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).contains("short\\u2026").contains("x".repeat(47) + "…").doesNotContain("short…")
                .contains("dev-\\uffff-\\ue000-\\U0001343f").doesNotContain("\uffff").doesNotContain("\ue000");
    }

    @Test
    void tableCellsThatWouldLookAlikeAreShownApart() {
        assertThat(RowPrinter.tableCell("loc ")).isEqualTo("\"loc \"");
        assertThat(RowPrinter.tableCell("loc")).isEqualTo("loc");
        assertThat(RowPrinter.tableCell(" ")).isEqualTo("\" \"");
        assertThat(RowPrinter.tableCell(null)).isEqualTo("∅");
        assertThat(RowPrinter.tableCell("⌀")).isEqualTo("\\u2300");
        assertThat(RowPrinter.tableCell("\"loc \"")).isEqualTo("\\x22loc \\x22").isNotEqualTo(RowPrinter.tableCell("loc "));
        assertThat(RowPrinter.tableCell("\" \"")).isNotEqualTo(RowPrinter.tableCell(" "));
        assertThat(RowPrinter.tableCell("\"\"")).isNotEqualTo(RowPrinter.tableCell(""));
        for (String lookAlike : List.of("⦰", "⊘", "∅\u0338", "⋯", "︙", "‧", "···", "․․․")) {
            assertThat(RowPrinter.tableCell(lookAlike)).as(lookAlike).doesNotContain(lookAlike).isNotIn("∅", "…");
        }
        assertThat(RowPrinter.tableCell("a\u0301\u0301\u0301")).isEqualTo("a\u0301\\u0301\\u0301");
        assertThat(RowPrinter.tableCell("São Paulo, 東京, Москва")).isEqualTo("São Paulo, 東京, Москва");
        assertThat(RowPrinter.tableCell("a\u2024\u2024\u2024")).isEqualTo("a\\u2024\\u2024\\u2024");
    }
}
