package com.sessionconsole.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads passwords from a libpq-style ~/.pgpass file (hostname:port:database:username:password). */
public final class PgPassFile {
    private final Path file;

    public PgPassFile(Path file) {
        this.file = file;
    }

    /** PGPASSFILE from the given environment, else ~/.pgpass. */
    public static PgPassFile standard(java.util.Map<String, String> environment) {
        String env = environment.get("PGPASSFILE");
        if (env != null && !env.isBlank()) {
            return new PgPassFile(Path.of(env));
        }
        return new PgPassFile(Path.of(System.getProperty("user.home"), ".pgpass"));
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
            java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            boolean shared = perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
            return shared ? "the password file " + file + " can be read by others ("
                    + java.nio.file.attribute.PosixFilePermissions.toString(perms) + "), so it was ignored, as libpq does: "
                    + "run chmod 0600 " + file : null;
        } catch (IOException e) {
            return "cannot check the permissions of the password file " + file + " (" + e.getMessage() + "), so it was ignored";
        }
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
