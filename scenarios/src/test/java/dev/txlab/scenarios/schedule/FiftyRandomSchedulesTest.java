package dev.txlab.scenarios.schedule;

import dev.txlab.domain.model.OrdersModel;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.scenarios.ScenarioContext;
import dev.txlab.testkit.TestStores;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule matrix, {@code txlab faults --impl all --schedules 50 --seed 1}, on H2 files:
 * every schedule halts (or ends), recovers in a fresh JVM and audits clean. Long (318 s on 2 cores),
 * so only with {@code -Pextended}.
 */
@Tag("extended")
class FiftyRandomSchedulesTest {

    @Test
    void fiftySchedulesFromSeedOneLeaveNoInvariantViolation() {
        ScheduleRunner runner = new ScheduleRunner(new ScenarioContext(StoreKind.H2_FILE,
                TransportSettings.Kind.ARTEMIS, TestStores.dataDir(), Clock.systemUTC(), OrdersModel.STATE));

        List<ScheduleResult> results = runner.run(1, 50, Arrays.asList(ImplementationId.values()), schedule -> { });

        assertThat(results).hasSize(50).allSatisfy(result ->
                assertThat(result.passed()).as(result.schedule() + ": " + result.error() + " " + result.violations())
                        .isTrue());
        assertThat(runner.summary(results).get(0)).isEqualTo("0 invariant violations");
    }
}
