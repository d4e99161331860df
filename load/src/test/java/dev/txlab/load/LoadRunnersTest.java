package dev.txlab.load;

import dev.txlab.harness.network.NetworkProfile;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.run.Run;
import dev.txlab.harness.run.RunOptions;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.workload.WorkloadSpec;
import dev.txlab.testkit.TestStores;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The load runners on a real local-baseline run (H2 files): what they submit is all in the ledger and audited. */
class LoadRunnersTest {

    private static Run run(String prefix, int orders, NetworkProfile network) throws Exception {
        WorkloadSpec workload = WorkloadSpec.builder().orders(orders).build();
        return Run.prepare(RunOptions.builder(TestStores.of(StoreKind.H2_FILE, prefix).build(), ImplementationId.LOCAL_BASELINE)
                .workload(workload)
                .callers(8)
                .network(network)
                .build());
    }

    @Test
    void theOpenLoopIssuesExactlyRateTimesDurationOrdersAndEachReachesAnAuditedOutcome() throws Exception {
        try (Run run = run("t_open_loop", 1_000, NetworkProfile.NONE)) {
            LoadResult result = new OpenLoad(run, 4, Duration.ofSeconds(5)).run(100, Duration.ofSeconds(2));

            assertThat(result.completed() + result.failedSubmits()).isEqualTo(200);
            assertThat(result.saturated()).isFalse();
            assertThat(result.outcome().count()).isEqualTo(result.completed());
            assertThat(result.ack().count()).isEqualTo(result.completed());
            assertThat(result.outcomes().values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(result.completed());
            assertThat(result.costs().roundTrips()).isGreaterThan(result.completed());
            assertThat(run.audit().ok()).isTrue();
            assertThat(run.audit().acknowledged()).isEqualTo(result.completed());
        }
    }

    @Test
    void anOpenLoopFarBeyondCapacityStopsAsSaturatedWithLatencyFromTheIntendedStart() throws Exception {
        // wan: 20 ms per JDBC round trip, so one worker manages a few orders a second, far below 50/s
        try (Run run = run("t_open_saturated", 1_000, NetworkProfile.WAN)) {
            LoadResult result = new OpenLoad(run, 1, Duration.ofMillis(500)).run(50, Duration.ofSeconds(10));

            assertThat(result.saturated()).isTrue();
            assertThat(result.completed()).isLessThan(50);
            assertThat(result.outcome().summary().max()).as("the queueing behind the schedule is in the latency")
                    .isGreaterThan(500);
            assertThat(run.audit().ok()).isTrue();
        }
    }

    @Test
    void theClosedLoopRunsForItsTime() throws Exception {
        try (Run run = run("t_closed_loop", 100_000, NetworkProfile.NONE)) {
            LoadResult result = ClosedLoad.run(run, 2, Duration.ofMillis(500));

            assertThat(result.completed()).isPositive();
            assertThat(result.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(500));
            assertThat(result.throughputPerSecond()).isPositive();
            assertThat(run.audit().acknowledged()).isEqualTo(result.completed());
        }
    }

    @Test
    void theClosedLoopSaysWhenTheWorkloadIsTooSmallForItsTime() throws Exception {
        try (Run run = run("t_closed_exhausted", 20, NetworkProfile.NONE)) {
            assertThatThrownBy(() -> ClosedLoad.run(run, 2, Duration.ofSeconds(30)))
                    .hasMessageContaining("a load thread failed")
                    .hasRootCauseInstanceOf(WorkloadExhaustedException.class)
                    .hasStackTraceContaining("were used up before the phase's time was");
            assertThat(run.audit().ok()).isTrue();
        }
    }
}
