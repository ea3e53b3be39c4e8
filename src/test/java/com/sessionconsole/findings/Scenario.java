package com.sessionconsole.findings;

import com.sessionconsole.domain.NewSession;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A labelled population for the findings: ordinary users who mostly stay in one city with a month of ended
 * sessions, benign look-alikes of attacks, and planted attacks. Each look-alike and attack is named by the
 * subject a finding about it would have ("ip:…", "user:…", "device:…").
 */
final class Scenario {
    static final String[] CITIES = {"Berlin, DE", "Hamburg, DE", "Paris, FR", "Lyon, FR", "London, GB", "Manchester, GB", "Madrid, ES",
            "Rome, IT", "Milan, IT", "Vienna, AT", "Zürich, CH", "Amsterdam, NL", "Brussels, BE", "Warsaw, PL", "Prague, CZ",
            "Stockholm, SE", "Oslo, NO", "Copenhagen, DK", "Dublin, IE", "Lisbon, PT", "New York, US", "Chicago, US", "Toronto, CA",
            "São Paulo, BR", "Tokyo, JP", "Seoul, KR", "Sydney, AU", "Mumbai, IN", "Singapore, SG", "Mexico City, MX"};
    static final String[] BROWSERS = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
            "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.2849.80",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6_1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"};
    static final String[] PHONES = {
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.39 Mobile Safari/537.36",
            "Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36",
            "MyCompanyApp/4.12.0 (iOS 18.1; iPhone15,2)", "MyCompanyApp/4.12.0 (Android 14; Pixel 7)"};

    static final int SPECIAL = 6_000;
    final Instant now;
    final Random rnd = new Random(20);
    final List<NewSession> rows = new ArrayList<>();
    /** Subject → what it is. */
    final Map<String, String> attacks = new LinkedHashMap<>();
    final Map<String, String> lookAlikes = new LinkedHashMap<>();
    private final List<Person> people = new ArrayList<>();
    private int seq;

    /** An ordinary user: home city, laptop, home address, browser. */
    record Person(UUID id, String city, String device, String ip, String agent) {
    }

    Scenario(Instant now, int users) {
        this.now = now;
        for (int i = 0; i < users; i++) {
            Person p = new Person(UUID.randomUUID(), CITIES[rnd.nextInt(CITIES.length)], "laptop-" + i,
                    "5." + (i / 65_000 + 10) + "." + (i / 250 % 250) + "." + (i % 250 + 1), BROWSERS[rnd.nextInt(BROWSERS.length)]);
            people.add(p);
            // the first SPECIAL people play the look-alikes and the victims: their history stays out of those days
            boolean special = i < SPECIAL;
            for (int k = 0; k < 3; k++) {
                Instant created = now.minus(Duration.ofHours((special ? 6 * 24 : 30) + rnd.nextInt(24 * 24)));
                add(p.id, created, created.plus(Duration.ofHours(8)), false, p.device, p.ip, p.agent, p.city, trust());
            }
            if (!special && rnd.nextInt(10) < 7) {
                Instant created = now.minus(Duration.ofMinutes(10 + rnd.nextInt(20 * 60)));
                add(p.id, created, created.plus(Duration.ofDays(1)), true, p.device, p.ip, p.agent, p.city, trust());
            }
        }
        lookAlikes();
        attacks();
    }

    private int trust() {
        return Math.max(25, Math.min(100, (int) Math.round(70 + rnd.nextGaussian() * 15)));
    }

    private Person person(int i) {
        return people.get(i);
    }

    void add(UUID user, Instant created, Instant expires, boolean active, String device, String ip, String agent, String location, int trust) {
        seq++;
        rows.add(new NewSession(UUID.randomUUID(), user, "scenario-token-" + seq + "-" + UUID.randomUUID(), expires, active,
                device, ip, agent, location, trust, created, created, null));
    }

    /** Active if it has not expired yet. */
    private void session(UUID user, Instant created, Duration lasts, String device, String ip, String agent, String location, int trust) {
        Instant expires = created.plus(lasts);
        add(user, created, expires, expires.isAfter(now.plusSeconds(60)), device, ip, agent, location, trust);
    }

    private void lookAlikes() {
        // a corporate NAT: 300 employees over 3 days, their own browsers, normal trust, and a 9 o'clock rush
        String nat = "81.2.69.160";
        for (int i = 0; i < 300; i++) {
            Person p = person(100 + i);
            for (int day = 2; day >= 0; day--) {
                Instant created = now.minus(Duration.ofDays(day)).minus(Duration.ofMinutes(day == 0 ? rnd.nextInt(40) + 5 : rnd.nextInt(600)));
                session(p.id, created, Duration.ofHours(9), p.device, nat, p.agent, "Hamburg, DE", trust());
            }
        }
        lookAlikes.put("ip:" + nat, "corporate NAT, 300 employees over 3 days");
        // 40 carrier-grade NAT addresses with about 50 phone users each, spread over the day
        for (int a = 0; a < 40; a++) {
            String cgnat = "100.64." + (10 + a) + ".1";
            for (int u = 0; u < 50; u++) {
                Person p = person(1_000 + a * 50 + u);
                session(p.id, now.minus(Duration.ofMinutes(5 + rnd.nextInt(20 * 60))), Duration.ofHours(12), "phone-" + p.device, cgnat,
                        PHONES[rnd.nextInt(PHONES.length)], p.city, trust());
            }
            lookAlikes.put("ip:" + cgnat, "mobile carrier CGNAT address, about 50 users");
        }
        // a flight Berlin -> New York, 9 h apart, with the same laptop
        Person flyer = person(4_000);
        session(flyer.id, now.minus(Duration.ofHours(11)), Duration.ofHours(1), flyer.device, "91.64.1.1", flyer.agent, "Berlin, DE", 70);
        session(flyer.id, now.minus(Duration.ofHours(2)), Duration.ofHours(8), flyer.device, "64.233.1.1", flyer.agent, "New York, US", 70);
        lookAlikes.put("user:" + flyer.id, "flight Berlin -> New York, 9 h");
        // a commuter between Basel and Mulhouse, across a border several times a day
        Person commuter = person(4_001);
        for (int h = 0; h < 8; h++) {
            session(commuter.id, now.minus(Duration.ofMinutes(60L * h + 30)), Duration.ofMinutes(40), commuter.device,
                    h % 2 == 0 ? "85.1.1.1" : "90.1.1.1", commuter.agent, h % 2 == 0 ? "Basel, CH" : "Mulhouse, FR", 65);
        }
        lookAlikes.put("user:" + commuter.id, "Basel <-> Mulhouse commute");
        // a lobby kiosk: one device and address, one browser, 30 visitors through the day
        for (int i = 0; i < 30; i++) {
            Person p = person(4_100 + i);
            session(p.id, now.minus(Duration.ofMinutes(20 + 30L * i)), Duration.ofMinutes(15), "kiosk-lobby-1", "81.2.70.5", BROWSERS[0],
                    "Hamburg, DE", 60);
        }
        lookAlikes.put("device:kiosk-lobby-1", "lobby kiosk");
        lookAlikes.put("ip:81.2.70.5", "lobby kiosk's address");
        // a family computer: 5 users, 2 addresses
        for (int i = 0; i < 5; i++) {
            Person p = person(4_200 + i);
            session(p.id, now.minus(Duration.ofHours(1 + i)), Duration.ofHours(6), "family-pc", i % 2 == 0 ? "88.1.1.1" : "88.1.1.2",
                    BROWSERS[1], "Lyon, FR", 65);
        }
        lookAlikes.put("device:family-pc", "family computer");
        // a university proxy: 150 students who use it every day
        String uni = "129.187.1.1";
        for (int i = 0; i < 150; i++) {
            Person p = person(4_300 + i);
            for (int day = 4; day >= 0; day--) {
                session(p.id, now.minus(Duration.ofDays(day)).minus(Duration.ofMinutes(30 + rnd.nextInt(480))), Duration.ofHours(4),
                        p.device, uni, p.agent, "Munich, DE", trust());
            }
        }
        lookAlikes.put("ip:" + uni, "university proxy");
        // a new office NAT: 150 people who each log in once over 3 days, so the address is new to every one of them,
        // with a 9 o'clock rush of 30 today
        String newOffice = "81.2.71.10";
        for (int i = 0; i < 150; i++) {
            Person p = person(4_600 + i);
            Instant created = i < 30 ? now.minus(Duration.ofMinutes(60)).plus(Duration.ofSeconds(15L * i))
                    : now.minus(Duration.ofMinutes(90 + rnd.nextInt(3 * 24 * 60 - 120)));
            session(p.id, created, Duration.ofHours(9), p.device, newOffice, p.agent, "Frankfurt, DE", trust());
        }
        lookAlikes.put("ip:" + newOffice, "new office NAT, each of 150 people once over 3 days");
        // a user with a new phone, nothing else
        Person newPhone = person(4_500);
        session(newPhone.id, now.minus(Duration.ofMinutes(50)), Duration.ofHours(8), "brand-new-phone", newPhone.ip, PHONES[0], newPhone.city, 70);
        lookAlikes.put("user:" + newPhone.id, "new phone");
        // a train Munich -> Berlin, 5 h
        Person train = person(4_501);
        session(train.id, now.minus(Duration.ofHours(7)), Duration.ofHours(1), train.device, "91.64.2.2", train.agent, "Munich, DE", 70);
        session(train.id, now.minus(Duration.ofHours(2)), Duration.ofHours(8), train.device, "91.64.3.3", train.agent, "Berlin, DE", 70);
        lookAlikes.put("user:" + train.id, "train Munich -> Berlin");
        // an ISP's /24: 60 customers on 30 addresses over 3 days, their own browsers, normal trust
        for (int i = 0; i < 60; i++) {
            Person p = person(4_800 + i);
            session(p.id, now.minus(Duration.ofMinutes(30 + rnd.nextInt(3 * 24 * 60))), Duration.ofDays(4), p.device, "77.1.2." + (i % 30 + 1),
                    p.agent, "Hamburg, DE", trust());
        }
        lookAlikes.put("ip:77.1.2.0/24", "ISP /24 pool, 60 customers on 30 addresses over 3 days");
        // a traveller with the usual laptop: a new address in a new country, nothing else new
        Person traveller = person(4_502);
        session(traveller.id, now.minus(Duration.ofHours(3)), Duration.ofHours(8), traveller.device, "126.21.4.77", traveller.agent,
                traveller.city.endsWith("JP") ? "Sydney, AU" : "Tokyo, JP", 70);
        lookAlikes.put("user:" + traveller.id, "trip abroad with the usual laptop");
        // a VPN egress in Frankfurt for 30 remote workers over 3 weeks; 6 of them also log in from home in New York 1-2 h apart
        String vpn = "185.245.86.10";
        for (int i = 0; i < 30; i++) {
            Person p = person(5_800 + i);
            for (int day = 20; day >= 2; day -= 6) {
                session(p.id, now.minus(Duration.ofDays(day)).minus(Duration.ofMinutes(rnd.nextInt(600))), Duration.ofHours(8), p.device, vpn,
                        p.agent, "Frankfurt, DE", trust());
            }
            Instant today = now.minus(Duration.ofMinutes(150 + 25L * i));
            session(p.id, today, Duration.ofHours(9), p.device, vpn, p.agent, "Frankfurt, DE", trust());
            if (i % 5 == 0) {
                session(p.id, today.plus(Duration.ofMinutes(60 + 3L * i)), Duration.ofHours(9), p.device, p.ip, p.agent, "New York, US", trust());
                lookAlikes.put("user:" + p.id, "VPN user logging in from home in New York 1-2 h after the Frankfurt egress");
            }
        }
        lookAlikes.put("ip:" + vpn, "VPN egress, 30 remote workers over 3 weeks");
    }

    /** The victim's own session today, from home: the attacker's session from elsewhere makes a trip. */
    private void atHome(Person p) {
        session(p.id, now.minus(Duration.ofMinutes(60 + rnd.nextInt(240))), Duration.ofHours(10), p.device, p.ip, p.agent, p.city, trust());
    }

    private void attacks() {
        // credential stuffing: 120 users from one address within 12 min, python-requests, trust <= 15, most sessions ended already
        String stuffing = "45.155.205.233";
        for (int i = 0; i < 120; i++) {
            Person p = person(5_000 + i);
            atHome(p);
            session(p.id, now.minus(Duration.ofMinutes(180)).plus(Duration.ofSeconds(6L * i)), Duration.ofMinutes(i % 3 == 0 ? 600 : 30),
                    "stuff-" + i, stuffing, "python-requests/2.31.0", "Amsterdam, NL", 5 + i % 11);
        }
        attacks.put("ip:" + stuffing, "credential stuffing");
        // password spray: 60 users, one session each over 3 hours, one browser string, low trust
        String spray = "185.100.87.41";
        for (int i = 0; i < 60; i++) {
            Person p = person(5_200 + i);
            atHome(p);
            session(p.id, now.minus(Duration.ofMinutes(200 - 3L * i)), Duration.ofHours(6), "spray-" + i, spray,
                    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
                    "Bucharest, RO", 10 + i % 10);
        }
        attacks.put("ip:" + spray, "password spray");
        // password spray from a home-broadband address: an ordinary browser agent, users new to it over 4 h, trust 15-35
        String homeSpray = "24.48.201.9";
        for (int i = 0; i < 27; i++) {
            Person p = person(5_850 + i);
            atHome(p);
            session(p.id, now.minus(Duration.ofMinutes(250 - 9L * i)), Duration.ofHours(6), "spray-home-" + i, homeSpray,
                    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
                    "Chicago, US", 15 + i % 21);
        }
        attacks.put("ip:" + homeSpray, "password spray, browser agent, trust 15-35");
        // token replay: one user, 30 sessions within 5 minutes from 30 hosting addresses, their own device id and agent
        Person replayed = person(5_300);
        for (int i = 0; i < 30; i++) {
            session(replayed.id, now.minus(Duration.ofMinutes(40)).plus(Duration.ofSeconds(10L * i)), Duration.ofHours(2), replayed.device,
                    "104.28." + (i + 1) + ".7", replayed.agent, replayed.city, 60);
        }
        attacks.put("user:" + replayed.id, "token replay");
        // hijack: Berlin, then Lagos 20 minutes later on a new device with a headless agent
        Person victim = person(5_301);
        session(victim.id, now.minus(Duration.ofMinutes(70)), Duration.ofHours(8), victim.device, victim.ip, victim.agent, "Berlin, DE", 75);
        session(victim.id, now.minus(Duration.ofMinutes(50)), Duration.ofHours(8), "unknown-device-77", "102.89.1.9",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36", "Lagos, NG", 40);
        attacks.put("user:" + victim.id, "hijack Berlin -> Lagos in 20 min");
        // impossible trip: Sydney, then London 45 minutes later, on a device first seen 2 h 15 min earlier
        Person trip = person(5_302);
        session(trip.id, now.minus(Duration.ofMinutes(240)), Duration.ofMinutes(30), "tablet-9", "1.120.1.1", trip.agent, "Sydney, AU", 70);
        session(trip.id, now.minus(Duration.ofMinutes(195)), Duration.ofHours(8), "tablet-9", "2.120.1.1", trip.agent, "London, GB", 70);
        attacks.put("user:" + trip.id, "impossible trip Sydney -> London in 45 min");
        // an emulator farm: one device id across 40 users and 40 hosting addresses
        for (int i = 0; i < 40; i++) {
            Person p = person(5_400 + i);
            atHome(p);
            session(p.id, now.minus(Duration.ofMinutes(300 - 6L * i)), Duration.ofHours(8), "emu-a1b2c3d4", "139.59." + (i + 1) + ".20",
                    PHONES[1], p.city, 50);
        }
        attacks.put("device:emu-a1b2c3d4", "emulator farm, one device across 40 users and 40 addresses");
        // stuffing from behind a carrier-grade NAT: the class of an address does not excuse a script
        String mobileBot = "100.71.3.4";
        for (int i = 0; i < 50; i++) {
            Person p = person(5_500 + i);
            session(p.id, now.minus(Duration.ofMinutes(90)).plus(Duration.ofSeconds(9L * i)), Duration.ofMinutes(30), "bot-" + i, mobileBot,
                    "okhttp/4.12.0", "Madrid, ES", 8);
        }
        attacks.put("ip:" + mobileBot, "credential stuffing from a CGNAT address");
        // credential stuffing spread over a /24: 60 users from 12 addresses within 10 minutes, 5 users each, one script
        for (int i = 0; i < 60; i++) {
            Person p = person(5_600 + i);
            atHome(p);
            session(p.id, now.minus(Duration.ofMinutes(12)).plus(Duration.ofSeconds(10L * i)), Duration.ofHours(12), "stuff24-" + i,
                    "5.188.62." + (i % 12 + 10), "python-requests/2.31.0", "Saint Petersburg, RU", 12);
        }
        attacks.put("ip:5.188.62.0/24", "credential stuffing over a /24, 5 users per address");
        // account takeover with a normal-looking agent: a new phone, a new address and a new country at once, low trust
        Person taken = person(5_700);
        session(taken.id, now.minus(Duration.ofMinutes(4)), Duration.ofDays(1), "android-9f3e", "102.89.34.17",
                "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Mobile Safari/537.36",
                taken.city.endsWith("NG") ? "Nairobi, KE" : "Lagos, NG", 15);
        attacks.put("user:" + taken.id, "takeover: new device, address and country, trust 15");
        // the attacker first (a new device and address, far away), then the victim at home on their own device with an app on okhttp
        Person first = person(5_900);
        session(first.id, now.minus(Duration.ofMinutes(80)), Duration.ofHours(8), "stranger-5900", "177.10.4.2", BROWSERS[0], "São Paulo, BR", 30);
        session(first.id, now.minus(Duration.ofMinutes(50)), Duration.ofHours(8), first.device, first.ip, "okhttp/4.12.0", "Berlin, DE", 70);
        attacks.put("user:" + first.id, "attacker first: São Paulo, then the victim's own app in Berlin");
    }
}
