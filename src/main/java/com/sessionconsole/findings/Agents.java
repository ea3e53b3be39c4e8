package com.sessionconsole.findings;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Recognises user agents of scripts, HTTP libraries and headless browsers: people log in with browsers and apps. */
final class Agents {
    private static final List<String> SCRIPTED = List.of("python-requests", "python-urllib", "aiohttp", "httpx", "curl/", "wget/",
            "go-http-client", "okhttp", "java/", "apache-httpclient", "libwww-perl", "node-fetch", "axios/", "undici", "got (",
            "scrapy", "headlesschrome", "phantomjs", "puppeteer", "playwright", "selenium", "httpclient", "powershell",
            "postmanruntime", "insomnia", "bot/", "crawler", "spider");

    private Agents() {
    }

    /** A table has few distinct agents and each is asked about several times: the answers are kept, up to a bound. */
    private static final int CACHED = 10_000;
    private static final Map<String, Boolean> ANSWERS = new ConcurrentHashMap<>();

    static boolean isScripted(String agent) {
        if (agent == null || agent.isBlank()) {
            return false;
        }
        Boolean known = ANSWERS.get(agent);
        if (known != null) {
            return known;
        }
        String a = agent.toLowerCase(Locale.ROOT);
        boolean scripted = SCRIPTED.stream().anyMatch(a::contains);
        if (ANSWERS.size() >= CACHED) {
            ANSWERS.clear();
        }
        ANSWERS.put(agent, scripted);
        return scripted;
    }

    /**
     * "python-requests/2.31.0", "HeadlessChrome/120.0.0.0" from a long agent, for a sentence: the product token that
     * makes it scripted, else the first one; at most 40 characters.
     */
    static String shortName(String agent) {
        if (agent == null) {
            return "no agent";
        }
        String[] tokens = agent.strip().split("\\s+");
        String chosen = tokens[0];
        for (String t : tokens) {
            if (isScripted(t)) {
                chosen = t;
                break;
            }
        }
        return chosen.length() > 40 ? chosen.substring(0, 40) + "..." : chosen;
    }
}
