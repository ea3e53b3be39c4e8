package com.sessionconsole.demo;

import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.Timestamps;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic synthetic sessions for the demo database, the tests and the benchmarks. The same size,
 * seed and clock always give the same rows. Besides ordinary traffic it plants the cases an analyst
 * should spot: a user in a dozen countries, NAT addresses shared by many users, zombie rows,
 * NULLs, non-IP strings, IPv6 with a zone id, a login burst from one address, and extreme timestamps.
 */
public final class SessionGenerator {
    public static final String TRAVELLER_USER = "00000000-0000-4000-8000-00000000beef";
    public static final String BURST_IP = "185.220.101.47";
    public static final List<String> NAT_IPS = List.of("203.0.113.10", "203.0.113.11", "198.51.100.77", "100.64.12.1", "2001:db8:ffff::1");

    private static final String[][] PLACES = {
            {"Berlin, DE", "München, DE", "Hamburg, DE"}, {"Paris, FR", "Lyon, FR"}, {"London, GB", "Manchester, GB"},
            {"New York, US", "San Francisco, US", "Austin, US", "Chicago, US"}, {"São Paulo, BR", "Rio de Janeiro, BR"},
            {"東京, JP", "大阪, JP"}, {"Москва, RU"}, {"Kraków, PL", "Warszawa, PL"}, {"Zürich, CH", "Genève, CH"},
            {"İstanbul, TR"}, {"Mumbai, IN", "Bengaluru, IN"}, {"Sydney, AU"}, {"Toronto, CA", "Montréal, CA"},
            {"Lagos, NG"}, {"México City, MX"}, {"Seoul, KR"}, {"Stockholm, SE"}, {"Madrid, ES", "Barcelona, ES"},
            {"Amsterdam, NL"}, {"Singapore, SG"}};
    private static final String[] USER_AGENTS = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
            "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.39 Mobile Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.2849.80",
            "MyCompanyApp/4.12.0 (iOS 18.1; iPad13,4)",
            "okhttp/4.12.0",
            "python-requests/2.32.3",
            "curl/8.5.0"};
    private static final Duration MAX_AGE = Duration.ofDays(7);

    private final long seed;
    private final int totalRows;
    private final int activeRows;
    private final Instant now;
    private final int users;

    /**
     * @param totalRows  rows to produce, planted cases included
     * @param activeRows of those, how many are active at {@code now}
     */
    public SessionGenerator(long seed, int totalRows, int activeRows, Instant now) {
        if (activeRows > totalRows) {
            throw new IllegalArgumentException("active rows (" + activeRows + ") exceed total rows (" + totalRows + ")");
        }
        this.seed = seed;
        this.totalRows = totalRows;
        this.activeRows = activeRows;
        this.now = now;
        this.users = Math.max(20, totalRows / 10);
    }

    public Iterator<NewSession> rows() {
        List<NewSession> planted = planted();
        int regular = Math.max(0, totalRows - planted.size());
        long plantedActive = planted.stream().filter(s -> isActive(s, now)).count();
        int regularActive = (int) Math.max(0, Math.min(regular, activeRows - plantedActive));
        Random rnd = new Random(seed);
        Iterator<NewSession> plantedIt = planted.subList(0, Math.min(planted.size(), totalRows)).iterator();
        return new Iterator<>() {
            private int produced;

            @Override
            public boolean hasNext() {
                return plantedIt.hasNext() || produced < regular;
            }

            @Override
            public NewSession next() {
                if (plantedIt.hasNext()) {
                    return plantedIt.next();
                }
                if (produced >= regular) {
                    throw new NoSuchElementException();
                }
                boolean active = produced < regularActive;
                produced++;
                return regular(rnd, active);
            }
        };
    }

    /** A fresh active session of an existing user, for the demo's background traffic. */
    public NewSession newLogin(Random rnd, Instant at) {
        return session(rnd, pickUser(rnd), true, at.minusSeconds(rnd.nextInt(5)), at);
    }

    static boolean isActive(NewSession s, Instant now) {
        return Boolean.TRUE.equals(s.active()) && s.deletedAt() == null && s.expiresAt().isAfter(now);
    }

    private NewSession regular(Random rnd, boolean active) {
        int user = pickUser(rnd);
        Instant created = active
                ? now.minusSeconds((long) (rnd.nextDouble() * MAX_AGE.toSeconds()))
                : now.minusSeconds(MAX_AGE.toSeconds() + rnd.nextInt(60 * 86400));
        return session(rnd, user, active, created, now);
    }

    private int pickUser(Random rnd) {
        return (int) (users * Math.pow(rnd.nextDouble(), 1.6));
    }

    private NewSession session(Random rnd, int user, boolean active, Instant created, Instant at) {
        Random home = new Random(seed * 31 + user);
        int country = home.nextInt(PLACES.length);
        String[] cities = PLACES[country];
        String location = rnd.nextInt(1000) < 997 ? cities[home.nextInt(cities.length)] : pick(rnd, PLACES)[0];
        Instant expires;
        Boolean isActive;
        Instant updated = created;
        Instant deleted = null;
        if (active) {
            expires = at.plusSeconds(300 + rnd.nextInt(14 * 86400));
            isActive = true;
        } else {
            expires = created.plusSeconds(3600 + rnd.nextInt(30 * 86400));
            isActive = false;
            updated = created.plusSeconds(rnd.nextInt(86400));
            if (rnd.nextInt(10) == 0) {
                deleted = updated;
            }
        }
        int trust = Math.max(0, Math.min(100, (int) Math.round(70 + rnd.nextGaussian() * 20)));
        return new NewSession(uuid(rnd), userId(user), token(rnd), expires, isActive, device(rnd, home, user),
                ip(rnd, home, user), userAgent(rnd), location, trust, created, updated, deleted);
    }

    private String ip(Random rnd, Random home, int user) {
        int roll = rnd.nextInt(100);
        if (roll < 6) {
            return NAT_IPS.get(rnd.nextInt(NAT_IPS.size()));
        }
        int homeIps = 1 + home.nextInt(3);
        int which = rnd.nextInt(homeIps);
        if (home.nextInt(100) < 25) {
            return String.format("2a02:%x:%x:%x::%x", 0x1000 + (user >> 8 & 0xfff), user & 0xffff, which, 1 + home.nextInt(0xfff));
        }
        int a = 11 + home.nextInt(180);
        if (a == 100 || a == 127 || a == 172 || a == 192) {
            a++;
        }
        return a + "." + home.nextInt(256) + "." + ((user + which) & 0xff) + "." + (1 + home.nextInt(254));
    }

    private static String device(Random rnd, Random home, int user) {
        int roll = rnd.nextInt(100);
        if (roll < 2) {
            return "kiosk-lobby-" + (1 + rnd.nextInt(4));
        }
        if (roll < 3) {
            return null;
        }
        int devices = 1 + home.nextInt(3);
        return String.format("dev-%08x-%d", user * 2654435761L & 0xffffffffL, rnd.nextInt(devices));
    }

    private static String userAgent(Random rnd) {
        String ua = USER_AGENTS[rnd.nextInt(USER_AGENTS.length)];
        if (rnd.nextInt(40) == 0) {
            StringBuilder sb = new StringBuilder(ua).append(" Extensions(");
            while (sb.length() < 499) {
                sb.append("plugin-").append(Integer.toHexString(rnd.nextInt())).append("; ");
            }
            return sb.substring(0, 499) + ")";
        }
        return ua;
    }

    /** The planted cases among {@link #rows()}: the same rows, ids included. */
    public List<NewSession> planted() {
        return planted(new Random(seed ^ 0x5EED), now);
    }

    /**
     * The planted cases as of {@code at}, with fresh ids and tokens: a user active in 12 countries, a burst of 30
     * logins from one IP in the last five minutes, zombie rows (active but expired, active but deleted, is_active NULL),
     * strings that are not IPs, NULLs, a never-expiring session and attacker-written text.
     */
    public List<NewSession> planted(Random rnd, Instant at) {
        List<NewSession> out = new ArrayList<>();
        UUID traveller = UUID.fromString(TRAVELLER_USER);
        for (int i = 0; i < 12; i++) {
            Instant created = at.minus(Duration.ofHours(1 + i));
            out.add(new NewSession(uuid(rnd), traveller, token(rnd), at.plus(Duration.ofDays(2)), true, "dev-traveller-" + i,
                    (45 + i) + ".12." + (10 + i) + ".9", USER_AGENTS[i % USER_AGENTS.length], PLACES[i][0], 55, created, created, null));
        }
        for (int i = 0; i < 30; i++) {
            Instant created = at.minus(Duration.ofSeconds(20 + i * 9L));
            out.add(new NewSession(uuid(rnd), userId(i * 7 + 3), token(rnd), at.plus(Duration.ofHours(12)), true, "dev-burst-" + i,
                    BURST_IP, "python-requests/2.32.3", "Amsterdam, NL", 5, created, created, null));
        }
        for (int i = 0; i < 5; i++) {
            Instant created = at.minus(Duration.ofDays(3));
            // is_active true but expired: the application never cleaned these up.
            out.add(zombie(rnd, i, true, at.minus(Duration.ofHours(1 + i)), created, null));
            // is_active true but soft-deleted.
            out.add(zombie(rnd, i + 10, true, at.plus(Duration.ofDays(1)), created, at.minus(Duration.ofHours(2))));
            // is_active NULL: not active by definition, but worth a look.
            out.add(zombie(rnd, i + 20, null, at.plus(Duration.ofDays(1)), created, null));
        }
        String[] oddIps = {"unknown", "999.12.1.1", "fe80::1%eth0", "not-an-ip", "::ffff:10.9.8.7"};
        for (int i = 0; i < oddIps.length; i++) {
            Instant created = at.minus(Duration.ofMinutes(30 + i));
            out.add(new NewSession(uuid(rnd), userId(40 + i), token(rnd), at.plus(Duration.ofDays(1)), true, "dev-odd-" + i,
                    oddIps[i], USER_AGENTS[0], "Berlin, DE", 60, created, created, null));
        }
        Instant created = at.minus(Duration.ofHours(5));
        out.add(new NewSession(uuid(rnd), userId(50), token(rnd), at.plus(Duration.ofDays(1)), true, null, null, null, null,
                null, created, created, null));
        // a session that never expires ('infinity'), as real systems have
        out.add(new NewSession(uuid(rnd), userId(51), token(rnd), Timestamps.INFINITY, true, "dev-forever",
                "10.20.30.40", USER_AGENTS[2], "Stockholm, SE", 0, Instant.parse("1970-01-02T00:00:00Z"), created, null));
        // text written by an attacker: a terminal escape and a bidi override in the device id, a formula as location
        out.add(new NewSession(uuid(rnd), userId(52), token(rnd), at.plus(Duration.ofHours(8)), true,
                "kiosk\u001b]0;pwned\u0007\u202eexe.gnp", "198.51.100.66", USER_AGENTS[1],
                "=HYPERLINK(\"http://evil.example/\",\"Berlin\")", 35, created, created, null));
        return out;
    }

    private NewSession zombie(Random rnd, int user, Boolean active, Instant expires, Instant created, Instant deleted) {
        return new NewSession(uuid(rnd), userId(60 + user), token(rnd), expires, active, "dev-zombie-" + user,
                "192.0.2." + (10 + user), USER_AGENTS[3], "Paris, FR", 40, created, created, deleted);
    }

    private UUID userId(int user) {
        Random r = new Random(seed * 7919 + user);
        return v4(r.nextLong(), r.nextLong());
    }

    private static UUID uuid(Random rnd) {
        return v4(rnd.nextLong(), rnd.nextLong());
    }

    private static UUID v4(long msb, long lsb) {
        return new UUID((msb & ~0xF000L) | 0x4000L, (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    private static String token(Random rnd) {
        return String.format("%016x%016x%016x%016x", rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong());
    }

    private static <T> T pick(Random rnd, T[] items) {
        return items[rnd.nextInt(items.length)];
    }
}
