package com.sessionconsole.ui;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way the console runs work off the UI thread and comes back to it. The GUI uses a thread
 * pool plus the FX thread; tests use a direct runner that does everything inline.
 */
public interface TaskRunner {

    /** Runs the work on a background thread. */
    void background(Runnable work);

    /** Runs the work on the UI thread (the FX application thread in the GUI). */
    void ui(Runnable work);

    /** Runs the work on a background thread after the delay. */
    Cancellable schedule(Duration delay, Runnable work);

    interface Cancellable {
        void cancel();
    }

    /** Runs {@code work} in the background, then hands its result or failure to the UI thread. */
    default <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        background(() -> {
            T result;
            try {
                result = work.call();
            } catch (Throwable t) {
                ui(() -> onFailure.accept(t));
                return;
            }
            ui(() -> onSuccess.accept(result));
        });
    }
}
