package com.sessionconsole.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code Main} in a fresh JVM, as an analyst's terminal would see it: its own stdout, stderr
 * and exit code, with logging set up exactly as in production (no test configuration reaches it).
 */
public final class ChildJvm {
    public record Result(int code, String out, String err) {
        /** The lines of stderr that look like a Java stack trace. */
        public List<String> stackFrames() {
            return err.lines().filter(l -> l.matches("\\s+at .*") || l.matches("\\s*Caused by: .*")
                    || l.matches("\\s+\\.\\.\\. \\d+ (more|common frames omitted)")).toList();
        }
    }

    private ChildJvm() {
    }

    public static Result main(Path workDir, Map<String, String> systemProperties, String... args) throws IOException, InterruptedException {
        return main(workDir, List.of(), systemProperties, args);
    }

    /** As above, with JVM options such as {@code -Xmx64m} before the class path. */
    public static Result main(Path workDir, List<String> jvmOptions, Map<String, String> systemProperties, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))));
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("com.sessionconsole.app.Main");
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("XDG_") || k.startsWith("PG") || k.startsWith("JAVA_TOOL"));
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the console did not exit within 120 s: " + command);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
