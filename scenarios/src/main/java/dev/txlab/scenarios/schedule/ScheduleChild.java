package dev.txlab.scenarios.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.txlab.harness.child.ChildJvm;
import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.placement.TmSettings;
import dev.txlab.harness.run.OrderListener;
import dev.txlab.harness.run.Run;
import dev.txlab.harness.run.RunOptions;
import dev.txlab.scenarios.ScenarioContext;

import dev.txlab.harness.placement.ImplementationId;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The process a schedule crashes: runs the schedule's implementation with its fault plan until it
 * halts at the crash point (or ends, when the run never reached that hit). Prints the run's message
 * counts every {@link #COUNTS_EVERY} after {@link #COUNTS_MARKER}, so the faults that fired before a
 * halt are known. Its request: {@link Request}.
 */
public final class ScheduleChild {
    public static final String COUNTS_MARKER = "TXLAB-COUNTS ";
    static final Duration COUNTS_EVERY = Duration.ofMillis(100);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScheduleChild() {
    }

    /** What the child runs: the schedule of a seed for one implementation, where, under which prefix. */
    record Request(long seed, ImplementationId implementation, ScenarioContext.Where where, String prefix) {
    }

    public static void main(String[] args) throws Exception {
        Request request = ChildJvm.request(args, Request.class);
        Schedule schedule = Schedule.generate(request.seed(), List.of(request.implementation()));
        ScenarioContext context = request.where().context();
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "txlab-counts");
            thread.setDaemon(true);
            return thread;
        });
        try (Run run = Run.prepare(RunOptions.builder(context.storeFor(request.prefix()), schedule.implementation())
                .workload(schedule.workload())
                .callers(schedule.callers())
                .faults(schedule.faultPlan())
                .clock(context.clock())
                .tm(new TmSettings(TmSettings.LogStore.FILE, Duration.ofSeconds(ScheduleMain.PRESUMED_ABORT_SECONDS)))
                .transport(context.transportSettings())
                .build())) {
            reporter.scheduleAtFixedRate(() -> print(run.placement().messageCounts().orElse(MessageCounts.NONE)), 0,
                    COUNTS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            run.execute(OrderListener.NONE);
            print(run.placement().messageCounts().orElse(MessageCounts.NONE));
        }
        Runtime.getRuntime().halt(0);
    }

    private static void print(MessageCounts counts) {
        try {
            System.out.println(COUNTS_MARKER + JSON.writeValueAsString(counts));
            System.out.flush();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
