package com.sessionconsole.findings;

import com.sessionconsole.domain.Contribution;
import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.FindingSettings;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Measure;
import com.sessionconsole.domain.Session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The risk of each device id. Many users on one device in one place is a kiosk or a shared desk (10 points);
 * many users from many addresses is a device farm: emulators, or one fingerprint replayed (55 from 10 users and
 * 10 addresses, 70 from 20 and 20, 85 from 40 and 40, +10 with low trust or a scripted agent).
 */
final class DeviceRisk {
    /** A device of at least this many users, seen from at least this many addresses (and half as many as users), is a farm. */
    static final int FARM_MIN = 10;

    private DeviceRisk() {
    }

    static List<EntityRisk> assess(Map<String, List<Session>> byDevice, FindingSettings s) {
        List<EntityRisk> out = new ArrayList<>();
        byDevice.forEach((device, sessions) -> {
            Set<UUID> users = new HashSet<>();
            Set<String> ips = new HashSet<>();
            for (Session x : sessions) {
                users.add(x.userId());
                if (x.ipAddress() != null) {
                    ips.add(x.ipAddress());
                }
            }
            if (users.size() < s.minUsersPerDevice()) {
                return;
            }
            EntityRisk e = new EntityRisk(GroupBy.DEVICE, device);
            Profile p = Profile.of(sessions);
            if (users.size() >= FARM_MIN && ips.size() >= FARM_MIN && 2 * ips.size() >= users.size()) {
                int spread = Math.min(users.size(), ips.size());
                int points = spread >= 40 ? 85 : spread >= 20 ? 70 : 55;
                String d = "one device for " + users.size() + " users from " + ips.size() + " addresses";
                if (p.lowTrust() || p.scripted()) {
                    points += 10;
                    d += p.scripted() ? ", " + Profile.percent(p.scriptedShare()) + " scripted" : ", trust at most " + Profile.LOW_TRUST + " for "
                            + Profile.percent(p.lowTrustShare());
                }
                e.add(new Contribution(FindingRule.DEVICE_FARM, points, d, new Measure(Math.min(users.size(), ips.size()), FARM_MIN,
                        "users and addresses")));
                e.nextStep = "Show in sessions: every user of this device is a likely victim; revoke its sessions (Revoke evidence) and "
                        + "reset those users' credentials";
            } else {
                e.add(new Contribution(FindingRule.SHARED_DEVICE, 10, users.size() + " users on one device from " + ips.size()
                        + (ips.size() == 1 ? " address (a kiosk or shared desk)" : " addresses"),
                        new Measure(users.size(), s.minUsersPerDevice(), "users")));
                e.nextStep = "Show in sessions; if it is not a known shared device, check its users' history";
            }
            e.evidence.addAll(sessions);
            e.sessionCount = sessions.size();
            out.add(e);
        });
        return out;
    }
}
