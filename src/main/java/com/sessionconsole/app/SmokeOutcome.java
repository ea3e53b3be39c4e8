package com.sessionconsole.app;

import com.sessionconsole.cli.ExitCodes;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What --smoke-test reports: the active count of the first completed load, or why there was none. */
record SmokeOutcome(int exitCode, int active, String failure) {

    /** Waits for the first load; a load that fails or does not finish in time is a non-zero exit. */
    static SmokeOutcome await(CompletableFuture<Integer> firstLoad, Duration timeout) throws InterruptedException {
        try {
            return new SmokeOutcome(ExitCodes.OK, firstLoad.get(timeout.toMillis(), TimeUnit.MILLISECONDS), null);
        } catch (TimeoutException e) {
            return new SmokeOutcome(ExitCodes.SMOKE_TIMEOUT, -1, "the first load did not finish within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            return new SmokeOutcome(ExitCodes.FAILED, -1, "the first load failed: " + e.getCause().getMessage());
        }
    }
}
