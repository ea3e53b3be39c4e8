package com.sessionconsole.cli;

import com.sessionconsole.audit.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "audit", description = {"Print the local audit log of revokes, one JSON object per line, oldest first.",
        "Each revoke has an intent record before it and an outcome record after it. 'audit verify' checks the hash chain."})
final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    HelpOption help;

    private final AuditLog audit;

    AuditCommand(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        audit.forEachLine(out::println);
        out.flush();
        return ExitCodes.OK;
    }

    @Command(name = "verify", description = {"Check that no line of the audit log was edited, torn, or deleted before the last one.",
            "Each record holds the SHA-256 of the line before it. Records removed from the END cannot be told from a log that ends"
                    + " there; only a copy elsewhere (audit-syslog) shows that. Exit 9 names the first broken link; it is also the exit"
                    + " code when there is no audit log, it is empty, a symbolic link or not a regular file, or a line is over 1 MiB."})
    int verify(@Option(names = {"-?", "--help"}, usageHelp = true, description = "show this help and exit")
               boolean help) {
        AuditLog.Verification v;
        try {
            v = audit.verify();
        } catch (IOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("audit log NOT verified: " + e.getMessage());
            err.flush();
            return ExitCodes.AUDIT_BROKEN;
        }
        PrintWriter out = spec.commandLine().getOut();
        String legacy = v.unchainedLegacyLines() == 0 ? ""
                : " (the first " + v.unchainedLegacyLines() + " line(s) predate the hash chain and cannot be checked)";
        if (v.ok()) {
            out.println("audit log " + audit.file() + ": " + v.lines() + " line(s), hash chain intact" + legacy
                    + "; records removed from its end would not show here (compare with the audit-syslog copy)");
            out.flush();
            return ExitCodes.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("audit log " + audit.file() + ": BROKEN at " + v.problem() + legacy);
        err.flush();
        return ExitCodes.AUDIT_BROKEN;
    }
}
