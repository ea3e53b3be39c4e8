package com.sessionconsole.workspace;

import com.sessionconsole.domain.ConnectionRequest;
import com.sessionconsole.audit.SyslogTarget;
import com.sessionconsole.domain.IntelFiles;
import com.sessionconsole.domain.UserIds;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * The optional config file (Java properties). It fails closed: an unknown key (a typo such as "readonly"
 * would otherwise silently leave the console writable), a value that is not clearly true or false, or a
 * named file that does not exist is an error, not a default; so is a file others can change (see
 * {@link ConfigFileAccess}). It must never hold a password; one found there (as a key, or inside the url)
 * is ignored and reported.
 */
public record ConfigFile(String url, String user, String readUrl, boolean readOnly, Set<UUID> protectedUsers,
                         Integer statementTimeoutSeconds, Integer connectTimeoutSeconds, Integer replicaLagWarnSeconds,
                         SyslogTarget auditSyslog, List<String> warnings, Map<String, Profile> profiles, IntelFiles intelFiles) {

    /** A named connection: {@code profile.NAME.url}, {@code .user}, {@code .read-url}, {@code .read-only}. */
    public record Profile(String url, String user, String readUrl, boolean readOnly) {
        static final List<String> KEYS = List.of("url", "user", "read-url", "read-only");
    }

    private static final Pattern PROFILE_KEY = Pattern.compile("profile\\.([A-Za-z0-9_-]{1,40})\\.(.+)");

    /** The config file the request names (or the default one), with the request's profile, if any, in place of its connection. */
    public static ConfigFile forRequest(ConnectionRequest request, Path defaultFile) {
        Path path = request.configFile() != null ? request.configFile() : defaultFile;
        ConfigFile config = request.configFile() != null ? load(path) : loadDefault(path);
        if (request.profile() == null) {
            return config;
        }
        ConfigFile profiled = config.withProfile(request.profile(), path);
        if (request.readUrl() != null && profiled.readUrl() != null && !request.readUrl().equals(profiled.readUrl())) {
            throw new IllegalArgumentException("--read-url differs from the read-url of profile '" + request.profile() + "': give one");
        }
        return profiled;
    }

    /** This file with profile {@code name} in place of its own url, user, read-url and read-only; an unknown name is an error. */
    public ConfigFile withProfile(String name, Path file) {
        Profile p = profiles.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no profile '" + name + "' in the config file " + file + (profiles.isEmpty()
                    ? "; define one with profile." + name + ".url=…" : "; the profiles are " + String.join(", ", new TreeSet<>(profiles.keySet()))));
        }
        if (p.url() == null) {
            throw new IllegalArgumentException("profile '" + name + "' in the config file " + file + " has no url: add profile." + name + ".url=…");
        }
        return new ConfigFile(p.url(), p.user(), p.readUrl(), readOnly || p.readOnly(), protectedUsers, statementTimeoutSeconds,
                connectTimeoutSeconds, replicaLagWarnSeconds, auditSyslog, warnings, profiles, intelFiles);
    }

    public static final List<String> KEYS = List.of("url", "user", "read-url", "read-only", "protected-users",
            "statement-timeout-seconds", "connect-timeout-seconds", "replica-lag-warn-seconds", "audit-syslog",
            "known-networks", "threat-intel");
    /** Read whole before it is checked, so it is bounded first. */
    static final long MAX_BYTES = 64 * 1024;
    public static final ConfigFile EMPTY = new ConfigFile(null, null, null, false, Set.of(), null, null, null, null, List.of(), Map.of(), IntelFiles.NONE);

    /** The default file: absent means no config. */
    public static ConfigFile loadDefault(Path file) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return load(file);
        }
        // "does not exist" must be known, not assumed: a folder that cannot be searched (or a file where a folder
        // should be) hides a config that may say read-only or protect users, and ignoring it would fail open
        if (!Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("cannot tell whether the config file " + file + " exists (its folder cannot be "
                    + "searched, or a part of its path is not a folder), so nothing was done: fix the access to " + file.getParent()
                    + " or remove what is in the way");
        }
        return EMPTY;
    }

    /** A file the analyst named (or the default one, when it exists): it must exist and be valid. */
    public static ConfigFile load(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("the config file " + file + (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                    ? " is a symlink to a file that does not exist" : " does not exist") + ": check the path given to --config");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("the config file " + file + " is not a regular file (a folder, a FIFO, a device): "
                    + "point --config at a properties file, or remove what is there");
        }
        ConfigFileAccess.requireOwnedByMe(file);
        ConfigFileAccess.requireSafeFolder(file);
        // a key given twice is an error: a later empty "protected-users=" or "read-only=false" must not silently win
        Properties p = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (containsKey(key)) {
                    throw new IllegalArgumentException("the key '" + key + "' appears more than once; keep one line for it");
                }
                return super.put(key, value);
            }
        };
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("it is " + Files.size(file) + " bytes; a config file is a few lines (at most "
                        + MAX_BYTES / 1024 + " KiB), so this is not one");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the config file " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the config file " + file + " was not read: " + e.getMessage(), e);
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read the config file " + file + ": " + e.getMessage()
                    + ". Fix or remove it; it is a Java properties file with keys " + String.join(", ", KEYS), e);
        }
        List<String> warnings = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            if (key.toLowerCase(Locale.ROOT).contains("password")) {
                warnings.add("the config file " + file + " contains '" + key + "': it was ignored. Passwords belong in "
                        + "PGPASSWORD or ~/.pgpass, never in this file; remove that line");
            } else if (!KEYS.contains(key) && !isProfileKey(key)) {
                throw new IllegalArgumentException("config file " + file + ": unknown key '" + (key.length() > 40 ? key.substring(0, 40) + "…" : key) + "'" + didYouMean(key)
                        + ". The keys are " + String.join(", ", KEYS));
            }
        }
        Set<UUID> protectedUsers = new LinkedHashSet<>();
        for (String id : p.getProperty("protected-users", "").split("[,\\s]+")) {
            if (!id.isBlank()) {
                try {
                    protectedUsers.add(UserIds.parse(id));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("config file " + file + ", protected-users: " + e.getMessage(), e);
                }
            }
        }
        return new ConfigFile(blankToNull(p.getProperty("url")), blankToNull(p.getProperty("user")),
                blankToNull(p.getProperty("read-url")), bool(file, "read-only", p.getProperty("read-only")),
                Set.copyOf(protectedUsers), seconds(file, "statement-timeout-seconds", p.getProperty("statement-timeout-seconds")),
                seconds(file, "connect-timeout-seconds", p.getProperty("connect-timeout-seconds")),
                seconds(file, "replica-lag-warn-seconds", p.getProperty("replica-lag-warn-seconds")), syslog(file, p.getProperty("audit-syslog")),
                List.copyOf(warnings), profiles(file, p),
                new IntelFiles(paths(file, p.getProperty("known-networks")), paths(file, p.getProperty("threat-intel"))));
    }

    private static boolean isProfileKey(String key) {
        Matcher m = PROFILE_KEY.matcher(key);
        return m.matches() && Profile.KEYS.contains(m.group(2));
    }

    private static Map<String, Profile> profiles(Path file, Properties p) {
        Map<String, Profile> profiles = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            Matcher m = PROFILE_KEY.matcher(key);
            if (m.matches() && Profile.KEYS.contains(m.group(2))) {
                String name = m.group(1);
                String prefix = "profile." + name + ".";
                profiles.computeIfAbsent(name, n -> new Profile(blankToNull(p.getProperty(prefix + "url")), blankToNull(p.getProperty(prefix + "user")),
                        blankToNull(p.getProperty(prefix + "read-url")), bool(file, prefix + "read-only", p.getProperty(prefix + "read-only"))));
            }
        }
        return Map.copyOf(profiles);
    }

    /** Comma-separated files for the findings; a relative one is read next to the config file. */
    private static List<Path> paths(Path file, String value) {
        List<Path> out = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    Path p = Path.of(part.strip());
                    out.add(p.isAbsolute() || file.toAbsolutePath().getParent() == null ? p : file.toAbsolutePath().getParent().resolve(p));
                }
            }
        }
        return out;
    }

    /** true/false, yes/no, on/off, 1/0 in any case; anything else is an error, never a silent false. */
    static boolean bool(Path file, String key, String value) {
        if (value == null) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("config file " + file + ", " + key + ": '" + value
                    + "' is not a yes/no value; use true or false (yes/no, on/off and 1/0 work too)");
        };
    }

    private static Integer seconds(Path file, String key, String value) {
        if (value == null) {
            return null;
        }
        if (!value.strip().matches("\\d{1,5}") || Integer.parseInt(value.strip()) == 0) {
            throw new IllegalArgumentException("config file " + file + ", " + key + ": '" + value
                    + "' must be a whole number of seconds from 1 to 99999");
        }
        return Integer.parseInt(value.strip());
    }

    private static SyslogTarget syslog(Path file, String value) {
        if (value == null) {
            return null;
        }
        try {
            return SyslogTarget.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String didYouMean(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String k = key.toLowerCase(Locale.ROOT).replace('_', '-');
        for (String candidate : KEYS) {
            int d = distance(k, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= 3 ? " (did you mean '" + best + "'?)" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
