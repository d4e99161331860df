package dev.txlab.scenarios.schedule;

import dev.txlab.harness.child.ChildJvm;
import dev.txlab.harness.child.MessageCountsReport;
import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.placement.TmSettings;
import dev.txlab.harness.run.OrderListener;
import dev.txlab.harness.run.Run;
import dev.txlab.scenarios.ScenarioContext;

import dev.txlab.harness.placement.ImplementationId;

import java.time.Duration;
import java.util.List;

/**
 * The process a schedule crashes: runs the schedule's implementation with its fault plan until it
 * halts at the crash point (or ends, when the run never reached that hit). Reports the run's message
 * counts as it goes ({@link MessageCountsReport}), so the faults that fired and the batches that
 * formed before a halt are known. Its request: {@link Request}.
 */
public final class ScheduleChild {
    private ScheduleChild() {
    }

    /** What the child runs: the schedule of a seed for one implementation, where, under which prefix. */
    record Request(long seed, ImplementationId implementation, ScenarioContext.Where where, String prefix) {
    }

    public static void main(String[] args) throws Exception {
        Request request = ChildJvm.request(args, Request.class);
        Schedule schedule = Schedule.generate(request.seed(), List.of(request.implementation()));
        ScenarioContext context = request.where().context();
        try (Run run = Run.prepare(context.runOptions(context.storeFor(request.prefix()), schedule.implementation())
                .workload(schedule.workload())
                .callers(schedule.callers())
                .faults(schedule.faultPlan())
                .tm(new TmSettings(TmSettings.LogStore.FILE, Duration.ofSeconds(ScheduleMain.PRESUMED_ABORT_SECONDS)))
                .build())) {
            try (MessageCountsReport counts = MessageCountsReport.start(
                    () -> run.placement().messageCounts().orElse(MessageCounts.NONE))) {
                run.execute(OrderListener.NONE);
            }
        }
        Runtime.getRuntime().halt(0);
    }
}
