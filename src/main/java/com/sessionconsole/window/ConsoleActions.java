package com.sessionconsole.window;

/** The window's named actions that the menu bar and the toolbar both offer; each is its own command class. */
record ConsoleActions(RevokeFromViewAction revokeFromView, ExportViewAction exportView, FindTokenAction findToken,
                      WatchIpAction watchIp, ClearFiltersAction clearFilters, LoadOnlyFilteredAction loadOnlyFiltered,
                      LoadEverythingAction loadEverything, LookUpHistoryAction lookUpHistory, QuitAction quit) {
}
