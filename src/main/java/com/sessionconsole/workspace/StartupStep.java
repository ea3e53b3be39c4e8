package com.sessionconsole.workspace;

/**
 * Where the console is on its way to the first rows, for the start-up state of the window: what it is doing, in
 * the analyst's words, and how far along it is (0 to 1).
 */
public record StartupStep(String text, double done) {

    public static StartupStep startingDemo() {
        return new StartupStep("Starting the demo database (an embedded PostgreSQL on this machine)", 0.1);
    }

    public static StartupStep fillingDemo(int rows) {
        return new StartupStep(String.format("Filling the demo database with %,d synthetic sessions", rows), 0.45);
    }

    public static StartupStep connecting(String server) {
        return new StartupStep("Connecting to " + server + " and checking public.user_sessions", 0.3);
    }

    public static StartupStep firstLoad() {
        return new StartupStep("Loading the active sessions", 0.8);
    }
}
