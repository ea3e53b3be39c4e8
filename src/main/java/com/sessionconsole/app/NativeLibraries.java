package com.sessionconsole.app;

import com.sessionconsole.cli.GuiLauncher;
import com.sessionconsole.cli.HeldBackStderr;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The native libraries JavaFX needs on Linux (what its glass, font and prism libraries link against), the package that
 * provides each on Debian/Ubuntu and on Fedora/RHEL, and, when the toolkit cannot start, which of them are missing or
 * cannot be loaded, so that the analyst reads the one install command that fixes it instead of "Unable to load glass
 * GTK library".
 */
final class NativeLibraries {
    /** A shared library by its soname, and the package that installs it on each family. */
    record Library(String soname, String debian, String fedora) {
    }

    static final List<Library> NEEDED = List.of(
            new Library("libgtk-3.so.0", "libgtk-3-0", "gtk3"),
            new Library("libgdk-3.so.0", "libgtk-3-0", "gtk3"),
            new Library("libgdk_pixbuf-2.0.so.0", "libgdk-pixbuf-2.0-0", "gdk-pixbuf2"),
            new Library("libpango-1.0.so.0", "libpango-1.0-0", "pango"),
            new Library("libpangocairo-1.0.so.0", "libpangocairo-1.0-0", "pango"),
            new Library("libpangoft2-1.0.so.0", "libpangoft2-1.0-0", "pango"),
            new Library("libatk-1.0.so.0", "libatk1.0-0", "atk"),
            new Library("libcairo.so.2", "libcairo2", "cairo"),
            new Library("libcairo-gobject.so.2", "libcairo-gobject2", "cairo-gobject"),
            new Library("libglib-2.0.so.0", "libglib2.0-0", "glib2"),
            new Library("libgobject-2.0.so.0", "libglib2.0-0", "glib2"),
            new Library("libgio-2.0.so.0", "libglib2.0-0", "glib2"),
            new Library("libgthread-2.0.so.0", "libglib2.0-0", "glib2"),
            new Library("libX11.so.6", "libx11-6", "libX11"),
            new Library("libXtst.so.6", "libxtst6", "libXtst"),
            new Library("libfreetype.so.6", "libfreetype6", "freetype"),
            new Library("libfontconfig.so.1", "libfontconfig1", "fontconfig"));

    /** The message on stderr says what to install; what JavaFX printed while failing goes to the log file only. */
    private static final Logger traceOnly = LoggerFactory.getLogger("session-console.trace-only");

    private NativeLibraries() {
    }

    /**
     * Runs {@code start} (the toolkit's start-up). When it fails, throws a {@link GuiLauncher.WindowCannotStart} that names
     * the missing libraries and their packages, or says that there is no display.
     */
    static void startToolkit(Runnable start) {
        try {
            HeldBackStderr.run(start, said -> traceOnly.warn("the toolkit did not start; JavaFX said: {}", said));
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            if (reason.contains("DISPLAY")) {
                throw new GuiLauncher.WindowCannotStart("the window cannot open: no display (" + reason + "). Run it in a desktop "
                        + "session, or over ssh -X; commands (session-console --help) need no display", e);
            }
            List<Missing> missing = unusable(searchPath(System.getenv("LD_LIBRARY_PATH"), System.getProperty("os.arch")), NEEDED, System::load);
            throw new GuiLauncher.WindowCannotStart(missing.isEmpty() ? "the window cannot open: " + reason
                    + " (every library JavaFX needs was found; see the log file)" : advice(reason, missing), e);
        }
    }

    /** A needed library that is not in the search path, or is there but cannot be loaded (why, in {@code problem}). */
    record Missing(Library library, String problem) {
    }

    /** What to install, on both families, for these missing libraries. */
    static String advice(String reason, List<Missing> missing) {
        Set<String> debian = new LinkedHashSet<>();
        Set<String> fedora = new LinkedHashSet<>();
        missing.forEach(m -> {
            debian.add(m.library().debian());
            fedora.add(m.library().fedora());
        });
        return "the window cannot open: JavaFX could not start (" + reason + ") because native libraries it needs are missing:\n"
                + missing.stream().map(m -> "  " + m.library().soname() + " (" + m.problem() + ")").collect(Collectors.joining("\n"))
                + "\nInstall them, then start it again:\n"
                + "  Debian, Ubuntu:     sudo apt-get install " + String.join(" ", debian) + "\n"
                + "  Fedora, RHEL, Rocky: sudo dnf install " + String.join(" ", fedora) + "\n"
                + "The commands (session-console --help) need none of them.";
    }

    /** Looks each library up in {@code dirs}, in order, and tries to load the first copy found. */
    static List<Missing> unusable(List<Path> dirs, List<Library> libraries, Consumer<String> load) {
        List<Missing> out = new ArrayList<>();
        for (Library lib : libraries) {
            Optional<Path> found = dirs.stream().map(d -> d.resolve(lib.soname())).filter(Files::exists).findFirst();
            if (found.isEmpty()) {
                out.add(new Missing(lib, "not found"));
                continue;
            }
            if (!isElf(found.get())) {
                out.add(new Missing(lib, found.get() + " is not a shared library (empty or damaged)"));
                continue;
            }
            try {
                load.accept(found.get().toAbsolutePath().toString());
            } catch (UnsatisfiedLinkError e) {
                out.add(new Missing(lib, "cannot be loaded: " + e.getMessage()));
            }
        }
        return out;
    }

    /** Loading a file that is not ELF would only make the JVM print a warning about its stack guard. */
    private static boolean isElf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return Arrays.equals(magic, new byte[]{0x7f, 'E', 'L', 'F'});
        } catch (IOException e) {
            return false;
        }
    }

    /** The folders the dynamic linker searches on Debian- and Fedora-like systems, LD_LIBRARY_PATH first. */
    static List<Path> searchPath(String ldLibraryPath, String osArch) {
        String multiarch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64", "arm64" -> "aarch64-linux-gnu";
            default -> osArch + "-linux-gnu";
        };
        List<Path> dirs = new ArrayList<>();
        if (ldLibraryPath != null) {
            for (String d : ldLibraryPath.split(File.pathSeparator)) {
                if (!d.isBlank()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        for (String d : List.of("/lib/" + multiarch, "/usr/lib/" + multiarch, "/lib64", "/usr/lib64", "/lib", "/usr/lib")) {
            dirs.add(Path.of(d));
        }
        return dirs;
    }
}
