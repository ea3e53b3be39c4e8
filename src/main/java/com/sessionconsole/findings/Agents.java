package com.sessionconsole.findings;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

    /** Browser product tokens, the more specific first (Edge and Opera agents also say Chrome; Chrome's says Safari). */
    private static final List<String[]> BROWSERS = List.of(new String[]{"Edg/", "Edge"}, new String[]{"EdgA/", "Edge"},
            new String[]{"OPR/", "Opera"}, new String[]{"SamsungBrowser/", "Samsung Internet"}, new String[]{"Firefox/", "Firefox"},
            new String[]{"FxiOS/", "Firefox"}, new String[]{"CriOS/", "Chrome"}, new String[]{"Chrome/", "Chrome"}, new String[]{"Version/", "Safari"});
    private static final List<String[]> PLATFORMS = List.of(new String[]{"Windows", "Windows"}, new String[]{"Android", "Android"},
            new String[]{"iPhone", "iOS"}, new String[]{"iPad", "iPadOS"}, new String[]{"Mac OS X", "macOS"}, new String[]{"CrOS", "ChromeOS"},
            new String[]{"Linux", "Linux"});

    /**
     * "python-requests/2.31.0", "HeadlessChrome/120.0.0.0" from a long agent, for a sentence: the product token that
     * makes it scripted; for a browser (Mozilla/5.0 names nothing) its product, major version and platform ("Chrome 124 on
     * Windows"); else the first token; at most 40 characters.
     */
    static String shortName(String agent) {
        if (agent == null) {
            return "no agent";
        }
        String[] tokens = agent.strip().split("\\s+");
        String chosen = tokens[0];
        for (String t : tokens) {
            if (isScripted(t)) {
                return clip(t);
            }
        }
        return clip(chosen.startsWith("Mozilla/") ? browser(agent).orElse(chosen) : chosen);
    }

    private static Optional<String> browser(String agent) {
        for (String[] b : BROWSERS) {
            int at = agent.indexOf(b[0]);
            if (at >= 0) {
                String version = agent.substring(at + b[0].length()).split("[.\\s;)]", 2)[0];
                String platform = PLATFORMS.stream().filter(p -> agent.contains(p[0])).map(p -> " on " + p[1]).findFirst().orElse("");
                return Optional.of(b[1] + (version.isEmpty() ? "" : " " + version) + platform);
            }
        }
        return Optional.empty();
    }

    private static String clip(String name) {
        return name.length() > 40 ? name.substring(0, 40) + "..." : name;
    }
}
