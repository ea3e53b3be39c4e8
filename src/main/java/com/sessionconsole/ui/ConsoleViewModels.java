package com.sessionconsole.ui;

/** The view models of one console window. */
public record ConsoleViewModels(ConsoleViewModel console, FindingsViewModel findings, AuditViewModel audit, HistoryViewModel history) {
}
