package com.sessionconsole.export;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.WatchEntry;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.RawRow;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.watchlist.Watchlist;
import com.sessionconsole.files.AtomicFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every write that fails says which file the analyst asked for and why, in words, and then the exception:
 * "cannot write FILE: REASON (EXCEPTION: DETAIL)", never only the temporary .part file or only the OS text.
 * The tests run as root, which ignores folder permissions: /sys refuses new files even to root, a path
 * below a plain file fails with ENOTDIR, and a full disk is the exception the JDK throws for ENOSPC.
 */
class FailedWritesNameTheFileTest {
    final TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;
    CliRunner cli;

    @BeforeEach
    void oneSession() {
        db.resetTable();
        RawRow.insert(db.admin(), List.of(RawRow.active("infinity")));
        cli = new CliRunner(home);
    }

    @Test
    void anExportTheFileSystemRefusesNamesTheFileAndSaysPermissionDenied() {
        Path target = Path.of("/sys/session-console-export.csv");
        CliRunner.Run r = cli.run("", "export", "--view", "sessions", "--out", target.toString());
        assertThat(r.code()).as(r.all()).isEqualTo(1);
        assertThat(r.err()).contains("cannot write " + target + ": permission denied (AccessDeniedException: /sys/.session-console-export.csv.");
    }

    @Test
    void anExportBelowAPlainFileSaysThatTheFolderIsAFile() throws Exception {
        Path plain = Files.writeString(home.resolve("notes.txt"), "x");
        Path target = plain.resolve("out.csv");
        CliRunner.Run r = cli.run("", "export", "--view", "sessions", "--out", target.toString());
        assertThat(r.code()).as(r.all()).isEqualTo(2);
        assertThat(r.err()).contains("cannot write " + target + ": " + plain + " is a file, not a folder");
    }

    @Test
    void aFullDiskNamesTheFileAndSaysTheDiskIsFull() throws Exception {
        Path target = home.resolve("big.csv");
        assertThatThrownBy(() -> AtomicFile.write(target, w -> {
            w.write("id\n");
            throw new IOException("No space left on device"); // what the JDK throws for ENOSPC, e.g. writing to /dev/full
        })).isInstanceOf(IOException.class)
                .hasMessage("cannot write " + target + ": the disk is full (IOException: No space left on device)");
        try (Stream<Path> left = Files.list(home)) {
            assertThat(left).as("nothing left behind").isEmpty();
        }
    }

    @Test
    void eachKindOfFailureIsSaidInWords() {
        Path target = home.resolve("out.csv");
        Path part = home.resolve(".out.csv.123.part");
        Map<IOException, String> words = Map.of(
                new AccessDeniedException(part.toString()), "permission denied (AccessDeniedException: " + part + ")",
                new NoSuchFileException(part.toString()), "a folder on the way does not exist or takes no new files (NoSuchFileException: " + part + ")",
                new FileSystemException(part.toString(), null, "Read-only file system"),
                "the file system is read-only (FileSystemException: " + part + ": Read-only file system)",
                new FileSystemException(part.toString(), null, "Not a directory"),
                "a part of the path is a file, not a folder (FileSystemException: " + part + ": Not a directory)",
                new IOException("Disk quota exceeded"), "the disk quota is used up (IOException: Disk quota exceeded)");
        words.forEach((thrown, said) -> assertThatThrownBy(() -> AtomicFile.write(target, w -> {
            throw thrown;
        })).hasMessage("cannot write " + target + ": " + said));
    }

    @Test
    void aWatchlistThatCannotBeSavedNamesItsFile() {
        Path file = Path.of("/sys/session-console-watchlist.txt");
        assertThatThrownBy(() -> new Watchlist(file).add(new WatchEntry(GroupBy.IP, "10.0.0.1")))
                .hasMessageStartingWith("cannot write " + file + ": permission denied (AccessDeniedException: ");
    }
}
