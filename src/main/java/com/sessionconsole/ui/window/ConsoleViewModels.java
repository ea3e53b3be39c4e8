package com.sessionconsole.ui.window;

import com.sessionconsole.audit.ui.AuditViewModel;
import com.sessionconsole.findings.ui.FindingsViewModel;
import com.sessionconsole.history.ui.HistoryViewModel;
import com.sessionconsole.live.ui.ConsoleViewModel;

/** The view models of one console window. */
public record ConsoleViewModels(ConsoleViewModel console, FindingsViewModel findings, AuditViewModel audit, HistoryViewModel history) {
}
