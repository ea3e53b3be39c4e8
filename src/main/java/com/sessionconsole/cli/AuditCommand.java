package com.sessionconsole.cli;

import com.sessionconsole.service.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "audit", description = "Print the local audit log of revokes, one JSON object per line, oldest first.")
final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final AuditLog audit;

    AuditCommand(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        audit.lines().forEach(out::println);
        out.flush();
        return ExitCodes.OK;
    }
}
