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

    /** "python-requests/2.31.0" from a long agent: its first product token, at most 40 characters, for a sentence. */
    static String shortName(String agent) {
        if (agent == null) {
            return "no agent";
        }
        String first = agent.strip().split("\\s+", 2)[0];
        return first.length() > 40 ? first.substring(0, 40) + "…" : first;
    }
}
