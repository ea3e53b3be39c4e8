package com.sessionconsole.security;

import com.sessionconsole.workspace.AppDirs;
import com.sessionconsole.workspace.WorkspaceFactory;
import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.TokenFingerprint;
import com.sessionconsole.live.WatermarkPollStrategy;
import com.sessionconsole.demo.SessionGenerator;
import com.sessionconsole.history.TokenLookup;
import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.support.DirectTaskRunner;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.HeadlessConsole;
import com.sessionconsole.window.ConsoleViewModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Greps every output channel for a full token: CLI output and errors, exports, the log file and the audit log. */
class SecretsTest {
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;

    private String cli(StringBuilder all, String stdin, String... args) {
        com.sessionconsole.support.CliRunner.Run r = new com.sessionconsole.support.CliRunner(home).run(stdin, args);
        all.append(r.out()).append(r.err());
        return r.out() + "\n" + r.err();
    }

    @Test
    void noChannelEverCarriesAFullToken() throws Exception {
        SessionWriter writer = db.resetTable();
        List<NewSession> rows = new ArrayList<>();
        new SessionGenerator(23, 2500, 2000, java.time.Instant.now()).rows().forEachRemaining(rows::add);
        writer.insert(rows);
        NewSession probe = rows.get(100);

        StringBuilder all = new StringBuilder();
        for (String format : List.of("table", "csv", "json")) {
            cli(all, "", "sessions", "--format", format);
            cli(all, "", "summary", "--by", "ip", "--format", format);
            cli(all, "", "history", "--ip", SessionGenerator.NAT_IPS.get(0), "--format", format);
        }
        String found = cli(all, probe.sessionToken() + "\n", "find-token");
        assertThat(found).contains(TokenFingerprint.of(probe.sessionToken())).contains(probe.id().toString());
        cli(all, "", "revoke", "--ip", SessionGenerator.BURST_IP, "--reason", "stuffing", "--yes");
        cli(all, "", "revoke", "--ids", probe.id().toString(), "--reason", "probe", "--yes");
        cli(all, "", "audit");

        Path export = home.resolve("export.csv");
        try (Workspace ws = new WorkspaceFactory(new AppDirs(home, home), Map.of(), x -> Optional.empty(), Clock.systemUTC())
                .openServer(db.settings(), Set.of())) {
            HeadlessConsole console = new HeadlessConsole(ws, Files.createTempDirectory("watch").resolve("w.txt"), Clock.systemUTC());
            DirectTaskRunner runner = console.runner;
            ConsoleViewModels vm = console.vm;
            console.wiring.start();
            runner.runScheduled();
            vm.tokens().find(rows.get(5).sessionToken());
            all.append(vm.messages().textProperty().get());
            assertThat(vm.live().pivotProperty().get()).isNotNull();
            vm.live().clearPivot();
            vm.export().export(export, null, com.sessionconsole.export.ProvenancePlacement.SIDECAR);
            assertThat(Files.readAllLines(export)).hasSizeGreaterThan(1000);
        }

        List<String> channels = new ArrayList<>();
        channels.add(all.toString());
        channels.add(Files.readString(export));
        channels.add(Files.readString(com.sessionconsole.export.ExportFile.sidecarOf(export)));
        channels.add(Files.readString(new AppDirs(home, home).auditLog()));
        Path logDir = Path.of(System.getProperty("session-console.logdir"));
        try (Stream<Path> logs = Files.list(logDir)) {
            for (Path log : logs.toList()) {
                channels.add(Files.readString(log));
            }
        }
        assertThat(channels.get(0)).contains("revoked");
        for (NewSession r : rows) {
            for (String channel : channels) {
                if (channel.contains(r.sessionToken())) {
                    throw new AssertionError("a full token leaked for session " + r.id());
                }
            }
        }
    }
}
