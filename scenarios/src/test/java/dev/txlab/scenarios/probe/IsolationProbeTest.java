package dev.txlab.scenarios.probe;

import dev.txlab.domain.model.OrdersModel;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.scenarios.ScenarioContext;
import dev.txlab.testkit.TestStores;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe on real runs (H2 files): the one-database baseline shows readers nothing in between;
 * the choreographed saga shows them stock reserved for orders that were refused afterwards; the read
 * models of event-sourced orders show them summaries behind their streams.
 */
class IsolationProbeTest {
    private static final ScenarioContext CONTEXT = new ScenarioContext(StoreKind.H2_FILE,
            TransportSettings.Kind.ARTEMIS, TestStores.dataDir(), Clock.systemUTC(), OrdersModel.STATE);

    @Test
    void theLocalBaselineShowsReadersNoAnomaly() throws Exception {
        ProbeReport report = ProbeRun.run(CONTEXT, ImplementationId.LOCAL_BASELINE);

        assertThat(report.reads()).isPositive();
        assertThat(report.counts()).as(report.examplesText()).isEmpty();
    }

    @Test
    void aSagaShowsReadersEffectsOfOrdersThatWereRefusedLater() throws Exception {
        ProbeReport report = ProbeRun.run(CONTEXT, ImplementationId.SAGA_CHOREO);

        assertThat(report.count(Anomaly.DIRTY_READ)).as(report.examplesText()).isPositive();
        assertThat(report.count(Anomaly.INTERMEDIATE_STATE)).as(report.examplesText()).isPositive();
        assertThat(report.count(Anomaly.NON_ATOMIC_COMMIT)).as(report.examplesText()).isZero();
    }

    @Test
    void theReadModelsOfEventSourcedOrdersShowReadersStaleReadsAndNothingElse() throws Exception {
        ScenarioContext eventSourced = new ScenarioContext(StoreKind.H2_FILE, TransportSettings.Kind.ARTEMIS,
                TestStores.dataDir(), Clock.systemUTC(), OrdersModel.EVENT_SOURCED);

        ProbeReport report = ProbeRun.run(eventSourced, ImplementationId.LOCAL_BASELINE);

        assertThat(report.count(Anomaly.STALE_READ)).as(report.examplesText()).isPositive();
        assertThat(report.counts()).as(report.examplesText()).containsOnlyKeys(Anomaly.STALE_READ);
    }
}
