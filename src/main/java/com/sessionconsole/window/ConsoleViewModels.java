package com.sessionconsole.window;

import com.sessionconsole.audit.ui.AuditViewModel;
import com.sessionconsole.export.ui.ExportViewModel;
import com.sessionconsole.findings.ui.FindingsViewModel;
import com.sessionconsole.history.ui.HistoryViewModel;
import com.sessionconsole.history.ui.TokenLookupViewModel;
import com.sessionconsole.live.ui.ConnectionStatusViewModel;
import com.sessionconsole.live.ui.LiveViewModel;
import com.sessionconsole.revoke.ui.RevokeViewModel;
import com.sessionconsole.ui.Messages;
import com.sessionconsole.watchlist.ui.WatchlistViewModel;

/** The view models of one console window, built by the composition root. */
public record ConsoleViewModels(LiveViewModel live, ConnectionStatusViewModel status, RevokeViewModel revoke, TokenLookupViewModel tokens,
                                WatchlistViewModel watchlist, ExportViewModel export, FindingsViewModel findings, HistoryViewModel history,
                                AuditViewModel audit, Messages messages) {
}
