package com.sessionconsole.app;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The entry point of {@code java -jar session-console.jar}. JavaFX supports only being loaded as named modules (on the
 * class path it warns "Unsupported JavaFX configuration" on every start), and a jar's manifest cannot name a module
 * path. So this class puts the JavaFX jars from {@code lib/} beside the jar in a module layer of their own, loads the
 * app and its other libraries in a class loader above it, and runs {@link Main} there: the same arrangement as the
 * packaged app, whose runtime holds JavaFX as modules.
 */
public final class JarLauncher {
    private JarLauncher() {
    }

    public static void main(String[] args) throws Throwable {
        Path jar = Path.of(JarLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path lib = jar.resolveSibling("lib");
        List<Path> javafx = platformJars(lib);
        if (ModuleLayer.boot().findModule("javafx.graphics").isPresent() || javafx.isEmpty()) {
            Main.main(args); // JavaFX is on the module path already, or not beside the jar: run as started
            return;
        }
        ModuleFinder finder = ModuleFinder.of(javafx.toArray(Path[]::new));
        Set<String> names = finder.findAll().stream().map(m -> m.descriptor().name()).collect(Collectors.toSet());
        Configuration config = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), names);
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(config, ClassLoader.getPlatformClassLoader());
        URLClassLoader app = new URLClassLoader("session-console", classPath(jar, lib), layer.findLoader("javafx.graphics"));
        Thread.currentThread().setContextClassLoader(app);
        try {
            Class.forName(Main.class.getName(), true, app).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** JavaFX's platform jars (javafx-graphics-21-linux.jar); the jars without a classifier are empty placeholders. */
    private static List<Path> platformJars(Path lib) throws IOException {
        if (!Files.isDirectory(lib)) {
            return List.of();
        }
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.filter(p -> isJavaFx(p) && ModuleFinder.of(p).findAll().stream().map(ModuleReference::descriptor)
                    .anyMatch(d -> !d.isAutomatic())).sorted().toList();
        }
    }

    private static boolean isJavaFx(Path jar) {
        String name = jar.getFileName().toString();
        return name.startsWith("javafx-") && name.endsWith(".jar");
    }

    private static URL[] classPath(Path jar, Path lib) throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(url(jar));
        try (Stream<Path> jars = Files.list(lib)) {
            for (Path p : jars.filter(p -> p.getFileName().toString().endsWith(".jar") && !isJavaFx(p)).sorted().toList()) {
                urls.add(url(p));
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static URL url(Path p) throws MalformedURLException {
        return p.toUri().toURL();
    }
}
