package com.sessionconsole.app;

import com.sessionconsole.cli.ExitCodes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #11 §4: --smoke-test passes only on a completed first load, and says why otherwise. */
class SmokeOutcomeTest {
    @Test
    void aCompletedLoadPassesWithItsActiveCount() throws Exception {
        SmokeOutcome o = SmokeOutcome.await(CompletableFuture.completedFuture(14_318), Duration.ofSeconds(1));
        assertThat(o.exitCode()).isZero();
        assertThat(o.active()).isEqualTo(14_318);
    }

    @Test
    void aFailedLoadIsExitOne() throws Exception {
        SmokeOutcome o = SmokeOutcome.await(CompletableFuture.failedFuture(new IllegalStateException("Disconnected: no route")),
                Duration.ofSeconds(1));
        assertThat(o.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(o.failure()).contains("no route");
    }

    @Test
    void aLoadThatNeverFinishesIsExitTen() throws Exception {
        SmokeOutcome o = SmokeOutcome.await(new CompletableFuture<>(), Duration.ofMillis(200));
        assertThat(o.exitCode()).isEqualTo(ExitCodes.SMOKE_TIMEOUT).isEqualTo(10);
        assertThat(o.failure()).contains("did not finish");
    }
}
