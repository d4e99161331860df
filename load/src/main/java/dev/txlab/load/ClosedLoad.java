package dev.txlab.load;

import dev.txlab.harness.placement.OrderResult;
import dev.txlab.harness.placement.Submission;
import dev.txlab.harness.placement.SubmitFailedException;
import dev.txlab.harness.run.Run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A closed loop for a fixed time: N callers each submit an order and await its outcome before the
 * next, until the phase's time is up. Measures maximum throughput at N callers.
 */
public final class ClosedLoad {
    private ClosedLoad() {
    }

    public static LoadResult run(Run run, int threads, Duration length) throws InterruptedException {
        PhaseRecorder recorder = new PhaseRecorder(run);
        long start = System.nanoTime();
        long deadline = start + length.toNanos();
        List<Thread> callers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread caller = new Thread(() -> callerLoop(run, recorder, deadline), "txlab-load-" + i);
            caller.setUncaughtExceptionHandler((thread, e) -> {
                synchronized (failures) {
                    failures.add(e);
                }
            });
            callers.add(caller);
            caller.start();
        }
        for (Thread caller : callers) {
            caller.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a load thread failed: " + failures.get(0), failures.get(0));
        }
        return recorder.result(threads, 0, Duration.ofNanos(System.nanoTime() - start), false, Optional.empty());
    }

    private static void callerLoop(Run run, PhaseRecorder recorder, long deadline) {
        long awaitMillis = run.outcomeWait().toMillis();
        while (System.nanoTime() < deadline) {
            long start = System.nanoTime();
            Optional<Submission> submitted;
            try {
                submitted = run.feed().submitNext();
            } catch (SubmitFailedException e) {
                recorder.submitFailed();
                continue;
            }
            Submission submission = submitted.orElseThrow(() -> new WorkloadExhaustedException(run));
            recorder.acknowledged(System.nanoTime() - start);
            try {
                OrderResult result = submission.completion().get(awaitMillis, TimeUnit.MILLISECONDS);
                recorder.completed(result, System.nanoTime() - start);
            } catch (TimeoutException | ExecutionException e) {
                // counted as unfinished: acknowledged without an outcome
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
