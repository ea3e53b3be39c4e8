package com.sessionconsole.window;

/** What the toolbar, the menus and the keyboard can ask the window to do; the window implements it. */
interface WindowActions {
    void revokeFromCurrentView();

    void exportCurrentView();

    void findToken();

    void watchIp();

    void toggleTheme();

    void showTab(ConsoleTab tab);

    void focusSearch();

    void clearFilters();

    void quit();

    void loadOnlyFiltered();

    void loadEverything();
}
