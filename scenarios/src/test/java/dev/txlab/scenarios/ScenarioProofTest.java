package dev.txlab.scenarios;

import dev.txlab.domain.model.OrdersModel;
import dev.txlab.harness.fault.CrashPoint;
import dev.txlab.harness.fault.FaultPlan;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.workload.WorkloadSpec;
import dev.txlab.testkit.TestStores;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A scenario whose fault never fired is a fail, never a pass. */
class ScenarioProofTest {
    private static final ScenarioContext CONTEXT = new ScenarioContext(StoreKind.H2_FILE,
            TransportSettings.Kind.ARTEMIS, TestStores.dataDir(), Clock.systemUTC(), OrdersModel.STATE);

    @Test
    void aCrashThatNeverHappensFailsTheCell() throws Exception {
        CrashScenario neverReached = new CrashScenario("never-reached-halt", "a halt on a hit the run never reaches",
                Set.of(ImplementationId.LOCAL_BASELINE), CrashPoint.BASELINE_BEFORE_COMMIT, 1_000, 10, 1, 1,
                OrderCheck.NONE);

        FaultMatrix.Cell cell = neverReached.run(CONTEXT, ImplementationId.LOCAL_BASELINE);

        assertThat(cell.result()).isEqualTo(FaultMatrix.Cell.FAIL);
        assertThat(cell.evidence()).startsWith("the fault did not fire: the child ended with exit code 0");
    }

    @Test
    void aRunWhoseProofIsMissingFailsTheCell() throws Exception {
        RunScenario noDuplicates = new RunScenario("no-duplicates", "no fault planned, yet a duplicate expected",
                Set.of(ImplementationId.SAGA_CHOREO), "I0-I6", WorkloadSpec.builder().orders(20).seed(1).build(), 2,
                FaultPlan.NONE, RunScenario.Proof.of(o -> o.messages().duplicatesSkipped() > 0 ? Optional.empty()
                        : Optional.of("no duplicate was skipped"), o -> o.messages().duplicatesSkipped() + " skipped"));

        FaultMatrix.Cell cell = noDuplicates.run(CONTEXT, ImplementationId.SAGA_CHOREO);

        assertThat(cell.result()).isEqualTo(FaultMatrix.Cell.FAIL);
        assertThat(cell.evidence()).startsWith("the fault did not fire: no duplicate was skipped; 0 skipped; 20 of 20");
    }
}
