package dev.txlab.scenarios.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.txlab.harness.audit.AuditReport;
import dev.txlab.harness.child.ChildJvm;
import dev.txlab.harness.child.MessageCountsReport;
import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TmSettings;
import dev.txlab.harness.run.RunRecovery;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.scenarios.ScenarioContext;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one schedule in a JVM of its own: the schedule's process ({@link ScheduleChild}) until it
 * halts or ends, then recovery here (a fresh process: TM recovery, saga resumption, relay restart),
 * then the audit. Arguments: schedule seed, store kind, transport kind, data dir, the schedule's
 * implementation. Prints the result
 * as one JSON line after {@link #MARKER}.
 */
public final class ScheduleMain {
    public static final String MARKER = "TXLAB-SCHEDULE ";
    static final int PRESUMED_ABORT_SECONDS = 2;
    private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScheduleMain() {
    }

    /** What the child plays: the schedule of a seed, for one implementation, where. */
    record Request(long seed, ImplementationId implementation, ScenarioContext.Where where) {
    }

    public static void main(String[] args) throws Exception {
        Request request = ChildJvm.request(args, Request.class);
        long seed = request.seed();
        List<ImplementationId> among = List.of(request.implementation());
        ScenarioContext context = request.where().context();
        ScheduleResult result;
        try {
            result = run(Schedule.generate(seed, among), context);
        } catch (Exception | AssertionError e) {
            Schedule schedule = Schedule.generate(seed, among);
            result = new ScheduleResult(seed, schedule.implementation().id(), schedule.describe(), false,
                    MessageCounts.NONE, List.of(), 0, e.toString());
        }
        System.out.println(MARKER + JSON.writeValueAsString(result));
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private static ScheduleResult run(Schedule schedule, ScenarioContext context) throws Exception {
        long seed = schedule.seed();
        String prefix = "f_schedule_" + Long.toUnsignedString(seed, 36);
        StoreConfig store = context.storeFor(prefix);
        ChildJvm.Result child = ChildJvm.run(ScheduleChild.class, CHILD_TIMEOUT,
                new ScheduleChild.Request(seed, schedule.implementation(), context.where(), prefix));
        boolean crashed = child.crashed();
        if (!crashed && child.exitCode() != 0) {
            return new ScheduleResult(seed, schedule.implementation().id(), schedule.describe(), false,
                    MessageCountsReport.last(child.stdout()), List.of(), 0,
                    "the schedule's process failed with exit code " + child.exitCode() + ": "
                        + child.lastStderrLine().orElse("(no stderr)"));
        }
        long start = System.nanoTime();
        RunRecovery.Recovered recovered = RunRecovery.recover(store,
                new TmSettings(TmSettings.LogStore.FILE, Duration.ofSeconds(PRESUMED_ABORT_SECONDS)),
                context.transportSettings(), context.clock(), Optional.of(schedule.implementation()));
        AuditReport audit = recovered.audit();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> violations = new ArrayList<>();
        recovered.left().forEach(left -> violations.add("left after recovery: " + left));
        audit.violations().forEach(violation -> violations.add(violation.toString()));
        return new ScheduleResult(seed, schedule.implementation().id(), schedule.describe(), crashed,
                MessageCountsReport.last(child.stdout()).plus(recovered.messages()), violations, seconds, null);
    }

    static Request request(Schedule schedule, ScenarioContext context) {
        return new Request(schedule.seed(), schedule.implementation(), context.where());
    }

    static Optional<ScheduleResult> parse(String stdout) {
        return stdout.lines().filter(line -> line.startsWith(MARKER)).reduce((first, second) -> second).map(line -> {
            try {
                return JSON.readValue(line.substring(MARKER.length()), ScheduleResult.class);
            } catch (IOException e) {
                throw new IllegalStateException("unreadable schedule result: " + line, e);
            }
        });
    }
}
