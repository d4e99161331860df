package dev.txlab.scenarios;

import dev.txlab.harness.run.OrderListener;
import dev.txlab.harness.run.Run;
import dev.txlab.harness.run.RunResult;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** A run's workload placed on another thread, while a scenario does its fault beside it. */
final class InBackground {
    private InBackground() {
    }

    static CompletableFuture<RunResult> execute(Run run) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return run.execute(OrderListener.NONE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        });
    }
}
