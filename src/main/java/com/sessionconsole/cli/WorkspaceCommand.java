package com.sessionconsole.cli;

import com.sessionconsole.workspace.Workspace;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** A command that needs a database: opens the workspace, runs, and closes it again. */
abstract class WorkspaceCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    private final WorkspaceOpener opener;

    WorkspaceCommand(WorkspaceOpener opener) {
        this.opener = opener;
    }

    @Override
    public Integer call() throws Exception {
        try (Workspace ws = opener.open(connection.toRequest(((RootCommand) spec.root().userObject()).connection, spec.commandLine()))) {
            if (ws.demo()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("note: this is the embedded DEMO database with generated sessions, not yours (you gave --demo)");
                err.flush();
            }
            ws.dao().replicaLag().filter(lag -> lag.worrying(ws.replicaLagWarnSeconds())).ifPresent(lag -> {
                PrintWriter err = spec.commandLine().getErr();
                err.println("warning: " + lag.describe() + "; what follows may be stale (the replica is read, revokes go to the primary)");
                err.flush();
            });
            return run(ws, spec.commandLine().getOut());
        }
    }

    abstract int run(Workspace ws, PrintWriter out) throws Exception;
}
