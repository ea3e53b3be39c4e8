package com.sessionconsole.findings;

import java.util.List;
import java.util.Locale;

/** Recognises user agents of scripts, HTTP libraries and headless browsers: people log in with browsers and apps. */
final class Agents {
    private static final List<String> SCRIPTED = List.of("python-requests", "python-urllib", "aiohttp", "httpx", "curl/", "wget/",
            "go-http-client", "okhttp", "java/", "apache-httpclient", "libwww-perl", "node-fetch", "axios/", "undici", "got (",
            "scrapy", "headlesschrome", "phantomjs", "puppeteer", "playwright", "selenium", "httpclient", "powershell",
            "postmanruntime", "insomnia", "bot/", "crawler", "spider");

    private Agents() {
    }

    static boolean isScripted(String agent) {
        if (agent == null || agent.isBlank()) {
            return false;
        }
        String a = agent.toLowerCase(Locale.ROOT);
        return SCRIPTED.stream().anyMatch(a::contains);
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
        return chosen.length() > 40 ? chosen.substring(0, 40) + "…" : chosen;
    }
}
