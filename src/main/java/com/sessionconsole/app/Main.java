package com.sessionconsole.app;

import com.sessionconsole.cli.ConsolePasswordPrompt;
import com.sessionconsole.cli.FailureLine;
import com.sessionconsole.cli.RootCommand;
import com.sessionconsole.cli.StderrWarnings;
import com.sessionconsole.audit.AuditLog;
import com.sessionconsole.workspace.WorkspaceFactory;
import com.sessionconsole.workspace.AppDirs;

import java.time.Clock;
import java.util.Map;

/**
 * The entry point and composition root. It is not a JavaFX Application, so --help, --version and
 * every CLI command work without a display; with no command it opens the window.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        AppDirs dirs = AppDirs.detect();
        dirs.createPrivate(); // the log, the audit log and the watchlist are the analyst's alone
        StderrWarnings warnings = new StderrWarnings();
        // before the first logger is created, so that the log file lands in the user data folder
        LoggingSetup.start(dirs.data()).ifPresent(warnings);
        Thread.setDefaultUncaughtExceptionHandler(FailureLine::uncaught);
        Map<String, String> env = System.getenv();
        Clock clock = Clock.systemUTC();
        WorkspaceFactory cliFactory = new WorkspaceFactory(dirs, env, ConsolePasswordPrompt::ask, clock, warnings);
        return RootCommand.create(cliFactory::openForCommand, new DesktopLauncher(dirs, env, clock),
                new AuditLog(dirs.auditLog()), System.in).execute(args);
    }
}
