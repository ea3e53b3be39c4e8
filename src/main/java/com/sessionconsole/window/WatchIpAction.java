package com.sessionconsole.window;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.ui.DialogService;
import com.sessionconsole.ui.StandardAction;

/** {@link StandardAction#WATCH_IP}: asks for an IP address or network and watches it. */
final class WatchIpAction {
    private final DialogService dialogs;
    private final WatchAction watch;

    WatchIpAction(DialogService dialogs, WatchAction watch) {
        this.dialogs = dialogs;
        this.watch = watch;
    }

    void execute() {
        dialogs.askText(StandardAction.WATCH_IP.description(), "IP or CIDR", false).ifPresent(v -> watch.execute(GroupBy.IP, v.strip()));
    }
}
