package com.sessionconsole.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads passwords from a libpq password file (hostname:port:database:username:password): PGPASSFILE, else
 * %APPDATA%\postgresql\pgpass.conf on Windows, else ~/.pgpass, where libpq and pgjdbc look. Its own reader and
 * not pgjdbc's PgPassParser, which takes the file's place only from process-wide settings (a system property or
 * the real environment): the console reads it from the environment it was given, and checks its permissions first.
 */
public final class PgPassFile {
    private final Path file;

    public PgPassFile(Path file) {
        this.file = file;
    }

    /** The file libpq would read on this machine, given this environment. */
    public static PgPassFile standard(Map<String, String> environment) {
        return standard(environment, System.getProperty("os.name", "").startsWith("Windows"), Path.of(System.getProperty("user.home")));
    }

    static PgPassFile standard(Map<String, String> environment, boolean windows, Path home) {
        String env = environment.get("PGPASSFILE");
        if (env != null && !env.isBlank()) {
            return new PgPassFile(Path.of(env));
        }
        String appData = environment.get("APPDATA");
        if (windows && appData != null && !appData.isBlank()) {
            return new PgPassFile(Path.of(appData, "postgresql", "pgpass.conf"));
        }
        return new PgPassFile(home.resolve(".pgpass"));
    }

    Path file() {
        return file;
    }

    /**
     * Why the file must not be used, or null: like libpq, a password file that the group or others can
     * read is ignored, because someone else may have read it too.
     */
    public String permissionProblem() {
        if (!Files.isRegularFile(file) || !file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return null;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            boolean shared = perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
            return shared ? "the password file " + file + " can be read by others ("
                    + PosixFilePermissions.toString(perms) + "), so it was ignored, as libpq does: "
                    + "run chmod 0600 " + file : null;
        } catch (IOException e) {
            return "cannot check the permissions of the password file " + file + " (" + e.getMessage() + "), so it was ignored";
        }
    }

    /** The password of the first of the URL's hosts that has a line, in the URL's order (libpq looks up the host it connects to). */
    public Optional<String> find(JdbcUrl url, String user) {
        for (JdbcUrl.Host h : url.hosts()) {
            String host = h.name().startsWith("[") ? h.name().substring(1, h.name().length() - 1) : h.name();
            Optional<String> password = find(host, h.port(), url.database(), user);
            if (password.isPresent()) {
                return password;
            }
        }
        return Optional.empty();
    }

    public Optional<String> find(String host, int port, String database, String user) {
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> f = split(line);
                if (f.size() == 5 && matches(f.get(0), host) && matches(f.get(1), Integer.toString(port))
                        && matches(f.get(2), database) && matches(f.get(3), user)) {
                    return Optional.of(f.get(4));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value);
    }

    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        fields.add(cur.toString());
        return fields;
    }
}
