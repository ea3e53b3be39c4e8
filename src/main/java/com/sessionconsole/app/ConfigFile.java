package com.sessionconsole.app;

import com.sessionconsole.domain.UserIds;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * The optional config file (Java properties): url, user, read-url, read-only, protected-users,
 * statement-timeout-seconds. It must never hold a password; one found there is ignored and reported.
 */
public record ConfigFile(String url, String user, String readUrl, boolean readOnly, Set<UUID> protectedUsers,
                         Integer statementTimeoutSeconds, List<String> warnings) {

    public static final ConfigFile EMPTY = new ConfigFile(null, null, null, false, Set.of(), null, List.of());

    public static ConfigFile load(Path file) {
        if (file == null || !Files.exists(file)) {
            return EMPTY;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read the config file " + file + ": " + e.getMessage()
                    + ". Fix or remove it; it is a Java properties file with keys url, user, read-url, read-only, protected-users", e);
        }
        List<String> warnings = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            if (key.toLowerCase().contains("password")) {
                warnings.add("the config file " + file + " contains '" + key + "': it was ignored. Passwords belong in "
                        + "PGPASSWORD or ~/.pgpass, never in this file; remove that line");
            }
        }
        Set<UUID> protectedUsers = new LinkedHashSet<>();
        String list = p.getProperty("protected-users", "");
        for (String id : list.split("[,\\s]+")) {
            if (!id.isBlank()) {
                try {
                    protectedUsers.add(UserIds.parse(id));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("config file " + file + ", protected-users: " + e.getMessage(), e);
                }
            }
        }
        Integer timeout = null;
        String t = p.getProperty("statement-timeout-seconds");
        if (t != null) {
            if (!t.strip().matches("\\d{1,5}") || Integer.parseInt(t.strip()) == 0) {
                throw new IllegalArgumentException("config file " + file + ", statement-timeout-seconds: '" + t
                        + "' must be a whole number of seconds from 1 to 99999");
            }
            timeout = Integer.parseInt(t.strip());
        }
        return new ConfigFile(blankToNull(p.getProperty("url")), blankToNull(p.getProperty("user")),
                blankToNull(p.getProperty("read-url")), Boolean.parseBoolean(p.getProperty("read-only", "false").strip()),
                Set.copyOf(protectedUsers), timeout, List.copyOf(warnings));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
