package com.sessionconsole.app;

import com.sessionconsole.cli.ExitCodes;
import com.sessionconsole.cli.GuiLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue #26 §2: a machine without GTK (or another library JavaFX needs) is told which package to install, on both families. */
class NativeLibrariesTest {
    @TempDir
    Path dir;

    private static NativeLibraries.Library lib(String soname) {
        return NativeLibraries.NEEDED.stream().filter(l -> l.soname().equals(soname)).findFirst().orElseThrow();
    }

    @Test
    void everyLibraryTheGlassGtkAndFontLibrariesLinkAgainstHasAPackageOnBothFamilies() {
        // the NEEDED entries of libglassgtk3.so, libjavafx_font_pango.so and libjavafx_font_freetype.so (JavaFX 21, readelf -d)
        List<String> linked = List.of("libgtk-3.so.0", "libgdk-3.so.0", "libpangocairo-1.0.so.0", "libpango-1.0.so.0", "libatk-1.0.so.0",
                "libcairo-gobject.so.2", "libcairo.so.2", "libgdk_pixbuf-2.0.so.0", "libgio-2.0.so.0", "libgobject-2.0.so.0",
                "libgthread-2.0.so.0", "libglib-2.0.so.0", "libXtst.so.6", "libX11.so.6", "libpangoft2-1.0.so.0", "libfontconfig.so.1",
                "libfreetype.so.6");
        assertThat(NativeLibraries.NEEDED).extracting(NativeLibraries.Library::soname).containsExactlyInAnyOrderElementsOf(linked);
        assertThat(NativeLibraries.NEEDED).allSatisfy(l -> {
            assertThat(l.debian()).matches("[a-z0-9][a-z0-9.+-]+");
            assertThat(l.fedora()).matches("[A-Za-z0-9][A-Za-z0-9._+-]+");
        });
        assertThat(lib("libgtk-3.so.0")).isEqualTo(new NativeLibraries.Library("libgtk-3.so.0", "libgtk-3-0", "gtk3"));
        assertThat(lib("libXtst.so.6").fedora()).isEqualTo("libXtst");
    }

    @Test
    void theAdviceNamesEachMissingLibraryAndOneInstallCommandPerFamilyWithoutRepeats() {
        String advice = NativeLibraries.advice("Unable to load glass GTK library.", List.of(
                new NativeLibraries.Missing(lib("libgtk-3.so.0"), "not found"),
                new NativeLibraries.Missing(lib("libgdk-3.so.0"), "not found"),
                new NativeLibraries.Missing(lib("libXtst.so.6"), "not found")));
        assertThat(advice).contains("Unable to load glass GTK library.")
                .contains("  libgtk-3.so.0 (not found)").contains("  libXtst.so.6 (not found)")
                .contains("sudo apt-get install libgtk-3-0 libxtst6\n")
                .contains("sudo dnf install gtk3 libXtst\n");
    }

    @Test
    void anAbsentLibraryIsNotFoundAnEmptyOneIsDamagedAndOneThatFailsToLoadSaysWhy() throws Exception {
        Files.createFile(dir.resolve("libgtk-3.so.0"));
        Path elf = dir.resolve("libX11.so.6");
        Files.write(elf, new byte[]{0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        Path other = Files.createDirectory(dir.resolve("later"));
        Files.write(other.resolve("libfreetype.so.6"), new byte[]{0x7f, 'E', 'L', 'F'});
        List<String> loaded = new ArrayList<>();
        List<NativeLibraries.Missing> missing = NativeLibraries.unusable(List.of(dir, other),
                List.of(lib("libgtk-3.so.0"), lib("libX11.so.6"), lib("libXtst.so.6"), lib("libfreetype.so.6")), path -> {
                    loaded.add(path);
                    if (path.endsWith("libX11.so.6")) {
                        throw new UnsatisfiedLinkError(path + ": libxcb.so.1: cannot open shared object file");
                    }
                });
        assertThat(missing).extracting(m -> m.library().soname() + ": " + m.problem()).containsExactly(
                "libgtk-3.so.0: " + dir.resolve("libgtk-3.so.0") + " is not a shared library (empty or damaged)",
                "libX11.so.6: cannot be loaded: " + elf + ": libxcb.so.1: cannot open shared object file",
                "libXtst.so.6: not found");
        assertThat(loaded).containsExactly(elf.toString(), other.resolve("libfreetype.so.6").toString());
    }

    @Test
    void theSearchPathStartsWithLdLibraryPathAndHoldsTheMultiarchFoldersOfBothFamilies() {
        assertThat(NativeLibraries.searchPath("/opt/a::/opt/b", "amd64")).containsSubsequence(
                Path.of("/opt/a"), Path.of("/opt/b"), Path.of("/usr/lib/x86_64-linux-gnu"), Path.of("/usr/lib64"));
        assertThat(NativeLibraries.searchPath(null, "aarch64")).first().isEqualTo(Path.of("/lib/aarch64-linux-gnu"));
    }

    @Test
    void whatJavaFxPrintsWhileFailingIsKeptOffTheTerminalAndWhatItPrintsOnSuccessIsShown() {
        java.io.PrintStream real = System.err;
        java.io.ByteArrayOutputStream terminal = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(terminal, true));
        try {
            assertThatThrownBy(() -> NativeLibraries.startToolkit(() -> {
                System.err.println("Loading library glassgtk3 from resource failed: java.lang.UnsatisfiedLinkError");
                throw new UnsupportedOperationException("Unable to open DISPLAY");
            })).isInstanceOf(GuiLauncher.WindowCannotStart.class);
            assertThat(terminal.toString()).isEmpty();
            NativeLibraries.startToolkit(() -> System.err.println("a warning of a toolkit that started"));
            assertThat(terminal.toString()).isEqualTo("a warning of a toolkit that started" + System.lineSeparator());
            assertThat(System.err).isNotSameAs(real);
        } finally {
            System.setErr(real);
        }
    }

    @Test
    void aToolkitThatCannotFindItsDisplayIsExitCodeTwelveAndSaysSo() {
        assertThatThrownBy(() -> NativeLibraries.startToolkit(() -> {
            throw new UnsupportedOperationException("Unable to open DISPLAY");
        })).isInstanceOf(GuiLauncher.WindowCannotStart.class).hasMessageContaining("no display")
                .satisfies(e -> assertThat(ExitCodes.of(e)).isEqualTo(ExitCodes.WINDOW_CANNOT_START).isEqualTo(12));
    }
}
