package com.sessionconsole.ui;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Work handed to the task runner after it closed (a poll that finished during shutdown) is dropped quietly. */
class WorkAfterShutdownTest {
    @Test
    void viewIoAndTimedWorkAfterCloseIsDroppedWithoutAnExceptionOrALogAboveDebug() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        root.addAppender(seen);
        try {
            FxTaskRunner runner = new FxTaskRunner(1);
            runner.close();
            AtomicBoolean ran = new AtomicBoolean();
            assertThatCode(() -> runner.viewLane().execute(() -> ran.set(true))).doesNotThrowAnyException();
            assertThatCode(() -> runner.io().execute(() -> ran.set(true))).doesNotThrowAnyException();
            assertThatCode(() -> runner.uiAfter(Duration.ofMillis(1), () -> ran.set(true)).cancel()).doesNotThrowAnyException();
            assertThat(ran).isFalse();
            assertThat(seen.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.INFO));
        } finally {
            root.detachAppender(seen);
        }
    }
}
