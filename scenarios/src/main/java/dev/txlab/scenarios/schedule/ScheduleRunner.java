package dev.txlab.scenarios.schedule;

import dev.txlab.harness.child.ChildJvm;
import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.scenarios.FaultMatrix;
import dev.txlab.scenarios.ScenarioContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs N random schedules, schedule i with seed {@code seed + i} (so {@code --schedules 1 --seed
 * <that seed>} replays it alone), each in a JVM of its own, and sums what they found and what fired.
 */
public final class ScheduleRunner {
    private static final Duration SCHEDULE_TIMEOUT = Duration.ofMinutes(4);

    private final ScenarioContext context;

    public ScheduleRunner(ScenarioContext context) {
        this.context = context;
    }

    public List<ScheduleResult> run(long seed, int schedules, List<ImplementationId> among,
                                    Consumer<Schedule> starting) {
        List<ScheduleResult> results = new ArrayList<>();
        for (int i = 0; i < schedules; i++) {
            Schedule schedule = Schedule.generate(seed + i, among);
            starting.accept(schedule);
            results.add(runOne(schedule));
        }
        return results;
    }

    private ScheduleResult runOne(Schedule schedule) {
        try {
            ChildJvm.Result child = ChildJvm.run(ScheduleMain.class, SCHEDULE_TIMEOUT,
                    ScheduleMain.request(schedule, context));
            return ScheduleMain.parse(child.stdout()).orElseGet(() -> failed(schedule, "its JVM ended with exit code "
                    + child.exitCode() + " without a result; last stderr line: "
                        + child.lastStderrLine().orElse("(none)")));
        } catch (IllegalStateException e) {
            return failed(schedule, e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static String describe(ScheduleResult result) {
        MessageCounts counts = result.messages();
        String batches = counts.batches() == 0 ? "" : "; " + FaultMatrix.Batches.of(counts).describe()
                + " before the halt and in recovery";
        String outcome = !result.passed() ? "did not pass" : result.crashed() ? "halted, passed" : "ended before its "
                + "hit, passed";
        return "  seed " + result.seed() + " (" + result.schedule() + "): " + outcome + batches;
    }

    private static ScheduleResult failed(Schedule schedule, String error) {
        return new ScheduleResult(schedule.seed(), schedule.implementation().id(), schedule.describe(), false,
                MessageCounts.NONE, List.of(), 0, error);
    }

    /**
     * The summary lines: violations in all, what fired, a line per schedule (with the consumers'
     * batches of a saga's), and a replay command for every schedule that did not pass.
     */
    public List<String> summary(List<ScheduleResult> results) {
        long violations = results.stream().mapToLong(r -> r.violations().size()).sum();
        long crashed = results.stream().filter(ScheduleResult::crashed).count();
        MessageCounts fired = results.stream().map(ScheduleResult::messages).reduce(MessageCounts.NONE,
                MessageCounts::plus);
        double slowest = results.stream().mapToDouble(ScheduleResult::recoverySeconds).max().orElse(0);
        List<String> lines = new ArrayList<>();
        lines.add(violations + " invariant violations");
        lines.add(String.format(Locale.ROOT, "faults that fired: %d halts at a crash point (of %d schedules; the other "
                        + "runs ended before their hit), %d duplicates skipped by inboxes, %d redeliveries (dropped "
                        + "before ack, held back, or after a halt), %d deliveries held back; slowest recovery to a "
                        + "clean audit %.1f s", crashed, results.size(), fired.duplicatesSkipped(), fired.redelivered(),
                fired.heldBack(), slowest));
        for (ScheduleResult result : results) {
            lines.add(describe(result));
        }
        for (ScheduleResult result : results) {
            if (!result.passed()) {
                lines.add("schedule seed " + result.seed() + " (" + result.schedule() + "): "
                        + (result.error() != null ? "could not run: " + result.error()
                        : result.violations().size() + " violations, first: " + result.violations().get(0))
                        + "; replay: ./txlab faults --impl " + result.implementation() + " --store "
                        + context.store().id() + " --transport " + context.transport().id() + " --schedules 1 --seed "
                        + result.seed());
            }
        }
        return lines;
    }
}
