package com.sessionconsole.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who may change the config file. It decides the server, read-only mode and the protected users, so a file
 * that others can write, or that belongs to another user, is refused, as libpq refuses a .pgpass others can
 * read. Readable by others is fine: it never holds a password. Without POSIX attributes (Windows) nothing is checked.
 */
final class ConfigFileAccess {
    private ConfigFileAccess() {
    }

    /** Throws with what is wrong and the command that fixes it. */
    static void requireOwnedByMe(Path file) {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        String me = System.getProperty("user.name");
        List<String> problems = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        try {
            UserPrincipal owner = Files.getOwner(file);
            if (!isMe(file, owner, me)) {
                problems.add("belongs to user '" + owner.getName() + "', not to you ('" + me + "')");
                fixes.add("chown " + me + " " + file);
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                problems.add("is writable by others (" + PosixFilePermissions.toString(perms) + ")");
                fixes.add("chmod 600 " + file);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot check who owns the config file " + file + " (" + e.getMessage()
                    + "), so it was refused", e);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the config file " + file + " " + String.join(" and ", problems)
                    + ": whoever can change it chooses the server and can turn off read-only and the protected users, so it was "
                    + "refused. Fix it with: " + String.join(" && ", fixes));
        }
    }

    /**
     * The folder that holds the config file: if others may write to it (and it has no sticky bit), another user can
     * delete or replace the file, and with it read-only and the protected users.
     */
    static void requireSafeFolder(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !file.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            return;
        }
        try {
            int mode = (Integer) Files.getAttribute(folder, "unix:mode");
            boolean othersWrite = (mode & 0022) != 0;
            boolean sticky = (mode & 01000) != 0;
            if (othersWrite && !sticky) {
                throw new IllegalArgumentException("the folder " + folder + " that holds the config file can be written by others (mode "
                        + Integer.toOctalString(mode & 07777) + "): another user could delete or replace the config, and with it "
                        + "read-only and the protected users, so it was refused. Fix it with: chmod go-w " + folder);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot check who may write to " + folder + ", which holds the config file ("
                    + e.getMessage() + "), so it was refused", e);
        }
    }

    private static boolean isMe(Path file, UserPrincipal owner, String me) {
        try {
            return owner.equals(file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(me));
        } catch (IOException e) {
            return owner.getName().equals(me); // no account entry to look up: compare the names
        }
    }
}
