package com.sessionconsole.cli;

import com.sessionconsole.audit.AuditLog;
import com.sessionconsole.db.ConnectionString;
import com.sessionconsole.domain.ConnectionRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #26 §3: every command line the README shows (in its code blocks, as {@code session-console …} or
 * {@code java -jar target/session-console.jar …}) is accepted by the real command line, and every connection
 * string in it parses. The examples' output is copied from transcripts; this keeps their flags from drifting.
 */
class ReadmeCommandsTest {
    private static final Pattern COMMAND = Pattern.compile("^(?:\\$ )?(?:session-console|java -jar target/session-console\\.jar)(?= |$)(.*)$");
    @TempDir
    Path home;

    static List<List<String>> readmeCommands() throws Exception {
        List<List<String>> out = new ArrayList<>();
        boolean inCode = false;
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            if (line.startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            Matcher m = COMMAND.matcher(line.strip());
            // "[--yes]" marks an optional flag in the CLI's synopsis lines, not a command to type as it is
            if (inCode && m.matches() && !line.contains("[--")) {
                out.add(words(m.group(1).replaceAll("\\s+#.*$", "")));
            }
        }
        return out;
    }

    /** Splits as a POSIX shell does for what the README uses: blanks, single and double quotes. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    out.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            out.add(word.toString());
        }
        return out;
    }

    @Test
    void everyCommandLineInTheReadmeIsAcceptedAndItsConnectionStringsParse() throws Exception {
        List<List<String>> commands = readmeCommands();
        assertThat(commands).as("command lines found in README.md").hasSizeGreaterThan(8);
        for (List<String> args : commands) {
            AtomicReference<ConnectionRequest> seen = new AtomicReference<>();
            var cl = RootCommand.create(request -> {
                seen.set(request);
                throw new IllegalStateException("not connecting in this test");
            }, (request, narrowing, smoke) -> {
                seen.set(request);
                return new GuiLauncher.Result(0, -1, -1, null);
            }, new AuditLog(home.resolve("audit.jsonl")), new ByteArrayInputStream(new byte[0]));
            StringWriter err = new StringWriter();
            StringWriter out = new StringWriter();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            int code = cl.execute(args.toArray(String[]::new));
            boolean helpOrAudit = args.contains("--help") || args.contains("--version") || args.contains("generate-completion")
                    || args.contains("audit");
            assertThat(code == ExitCodes.USAGE).as("%s: %s", args, err).isFalse();
            if (!helpOrAudit) {
                assertThat(seen.get()).as("%s did not reach the connection: %s", args, err).isNotNull();
                for (String url : new String[]{seen.get().url(), seen.get().readUrl()}) {
                    if (url != null) {
                        ConnectionString.parse(url);
                    }
                }
            }
        }
    }

    @Test
    void theShellSplitKeepsQuotedBlanksAndDropsTheQuotes() {
        assertThat(words("--url 'host=a dbname=b' --reason \"NAT abuse\" x"))
                .containsExactly("--url", "host=a dbname=b", "--reason", "NAT abuse", "x");
    }
}
