package com.sessionconsole.ui;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A long background job (an export) whose progress the window follows and which the analyst can
 * cancel. It runs through the {@link TaskRunner}; progress reaches the FX thread through it too.
 */
public final class ProgressTask {
    /** The job's side: report rows done; the answer says whether to stop. */
    public interface Progress {
        boolean report(int done, int total);
    }

    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    private final TaskRunner runner;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private AtomicBoolean cancelled = new AtomicBoolean();

    public ProgressTask(TaskRunner runner) {
        this.runner = runner;
    }

    /** Whether a job is running; one runs at a time. */
    public boolean running() {
        return progress.get() >= 0;
    }

    /** Starts the job; call on the FX thread, and not while {@link #running()}. {@code done} and {@code failed} run on it too. */
    public <T> void start(Work<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        if (running()) {
            throw new IllegalStateException("a job is already running");
        }
        AtomicBoolean stop = new AtomicBoolean(); // this job's own: a later job never un-cancels it
        cancelled = stop;
        progress.set(0);
        Progress sink = (n, total) -> {
            runner.ui(() -> {
                if (running()) {
                    progress.set(total == 0 ? 1 : (double) n / total);
                }
            });
            return stop.get();
        };
        runner.run(runner.io(), () -> work.run(sink), result -> {
            progress.set(-1);
            done.accept(result);
        }, error -> {
            progress.set(-1);
            failed.accept(error);
        });
    }

    public void cancel() {
        cancelled.set(true);
    }

    /** 0..1 while the job runs, -1 otherwise. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
