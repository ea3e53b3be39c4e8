package com.sessionconsole.window;

import com.sessionconsole.domain.Session;
import com.sessionconsole.watchlist.ui.WatchlistViewModel;
import javafx.scene.Parent;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

import java.util.List;

/** A pop-up over the window when sessions of a watched user, device or IP arrive. */
final class WatchNotifications {
    private final Parent root;

    private WatchNotifications(Parent root) {
        this.root = root;
    }

    static void install(Parent root, WatchlistViewModel watchlist) {
        WatchNotifications notifications = new WatchNotifications(root);
        watchlist.hitsProperty().addListener((obs, old, hits) -> notifications.show(hits));
    }

    private void show(List<Session> hits) {
        if (!hits.isEmpty() && root.getScene() != null && root.getScene().getWindow() != null) {
            Session first = hits.get(0);
            Notifications.create().owner(root.getScene().getWindow()).title("Watched: " + hits.size() + " new session(s)")
                    .text("user " + first.userId() + "\nIP " + first.ipAddress() + "  device " + first.deviceId()
                            + (hits.size() > 1 ? "\n… and " + (hits.size() - 1) + " more" : ""))
                    .hideAfter(Duration.seconds(8)).showInformation();
        }
    }
}
