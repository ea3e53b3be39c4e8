package com.sessionconsole.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/** The platform's per-user folders for configuration and data (audit log, watchlists). */
public record AppDirs(Path config, Path data) {

    public static AppDirs detect() {
        String override = System.getProperty("session-console.home");
        if (override != null && !override.isBlank()) {
            Path home = Path.of(override);
            return new AppDirs(home.resolve("config"), home.resolve("data"));
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            Path base = appData == null ? home.resolve("AppData").resolve("Roaming") : Path.of(appData);
            return new AppDirs(base.resolve("SessionConsole"), base.resolve("SessionConsole").resolve("data"));
        }
        if (os.contains("mac")) {
            Path base = home.resolve("Library").resolve("Application Support").resolve("Session Console");
            return new AppDirs(base, base);
        }
        return new AppDirs(xdg("XDG_CONFIG_HOME", home.resolve(".config")).resolve("session-console"),
                xdg("XDG_DATA_HOME", home.resolve(".local").resolve("share")).resolve("session-console"));
    }

    private static Path xdg(String variable, Path fallback) {
        String v = System.getenv(variable);
        return v == null || v.isBlank() ? fallback : Path.of(v);
    }

    public Path configFile() {
        return config.resolve("config.properties");
    }

    public Path watchlist() {
        return data.resolve("watchlist.txt");
    }

    public Path auditLog() {
        return data.resolve("audit.jsonl");
    }

    /** The audit log of revokes on the embedded demo database, apart from the real one. */
    public Path demoAuditLog() {
        return data.resolve("audit-demo.jsonl");
    }

    /** Creates the data folder readable by its owner only (where the file system has POSIX permissions). */
    public void createPrivate() {
        if (Files.isDirectory(data)) {
            return;
        }
        try {
            if (data.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(data, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(data);
            }
        } catch (IOException e) {
            // the first write there reports the problem with its path
        }
    }
}
