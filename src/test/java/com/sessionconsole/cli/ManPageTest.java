package com.sessionconsole.cli;

import com.sessionconsole.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The man pages in docs/man are what picocli generates from the command line itself (AsciiDoc), so they cannot drift from
 * --help; each has its troff page beside it (asciidoctor -b manpage, see docs/cli.md). Run with -Dman.write=true to
 * write them again after changing a command.
 */
class ManPageTest {
    static final Path MAN = Path.of("docs/man");

    @TempDir
    Path out;

    @Test
    void docsManHoldsWhatPicocliGeneratesFromTheCommands() throws Exception {
        CommandLine cl = RootCommand.create(request -> {
            throw new IllegalStateException("not run");
        }, (request, narrowing, smoke) -> null, new AuditLog(out.resolve("audit.jsonl")), new ByteArrayInputStream(new byte[0]));
        Path generated = Files.createDirectories(out.resolve("man"));
        ManPageGenerator.generateManPage(generated.toFile(), null, new boolean[0], true, cl.getCommandSpec());
        List<Path> pages;
        try (Stream<Path> s = Files.list(generated)) {
            pages = s.sorted().toList();
        }
        assertThat(pages).extracting(p -> p.getFileName().toString()).contains("session-console.adoc", "session-console-sessions.adoc",
                "session-console-show.adoc", "session-console-revoke.adoc");
        if (Boolean.getBoolean("man.write")) {
            Files.createDirectories(MAN);
            for (Path page : pages) {
                Files.copy(page, MAN.resolve(page.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (Path page : pages) {
            Path committed = MAN.resolve(page.getFileName());
            assertThat(committed).as("run ManPageTest with -Dman.write=true, then asciidoctor -b manpage docs/man/*.adoc").exists();
            assertThat(Files.readString(committed)).as(committed.toString()).isEqualTo(Files.readString(page));
            String troff = page.getFileName().toString().replace(".adoc", ".1");
            assertThat(MAN.resolve(troff)).as("the troff page beside " + committed).exists();
        }
    }
}
