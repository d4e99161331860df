package dev.txlab.scenarios.schedule;

import dev.txlab.domain.model.OrdersModel;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.scenarios.ScenarioContext;
import dev.txlab.testkit.TestStores;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A few random schedules end to end on H2 files: each halts (or ends), recovers in a fresh JVM and audits clean. */
class RandomSchedulesTest {

    @Test
    void randomSchedulesLeaveNoInvariantViolation() {
        ScheduleRunner runner = new ScheduleRunner(new ScenarioContext(StoreKind.H2_FILE,
                TransportSettings.Kind.ARTEMIS, TestStores.dataDir(), Clock.systemUTC(), OrdersModel.STATE));

        List<ScheduleResult> results = runner.run(100, 6, Arrays.asList(ImplementationId.values()), schedule -> { });

        assertThat(results).hasSize(6).allSatisfy(result ->
                assertThat(result.passed()).as(result.schedule() + ": " + result.error() + " " + result.violations())
                        .isTrue());
        assertThat(results).anyMatch(ScheduleResult::crashed);
        assertThat(runner.summary(results).get(0)).isEqualTo("0 invariant violations");
    }
}
