package dev.txlab.scenarios;

import dev.txlab.domain.model.OrdersModel;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.store.StoreKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The cells the runner settles without running anything: n/a, with the reason when the store is why. */
class ScenarioRunnerTest {

    @Test
    void aScenarioTheStoreCannotModelIsNotApplicableSayingWhy(@TempDir Path dataDir) {
        Scenario commitRetry = Catalog.byId("xa-commit-fails-retryably").orElseThrow();
        FaultMatrix matrix = runner(StoreKind.H2_FILE, dataDir).run("quick", List.of(commitRetry),
                List.of(ImplementationId.XA_NARAYANA));

        FaultMatrix.Cell cell = matrix.scenarios().get(0).cells().get(ImplementationId.XA_NARAYANA.id());
        assertThat(cell.result()).isEqualTo(FaultMatrix.Cell.NOT_APPLICABLE);
        assertThat(cell.evidence()).contains("H2 rolls back a prepared branch").contains("--store postgres");
    }

    @Test
    void aScenarioForOtherImplementationsIsNotApplicableWithoutEvidence(@TempDir Path dataDir) {
        Scenario commitRetry = Catalog.byId("xa-commit-fails-retryably").orElseThrow();
        FaultMatrix matrix = runner(StoreKind.POSTGRES, dataDir).run("quick", List.of(commitRetry),
                List.of(ImplementationId.SAGA_ORCH));

        assertThat(matrix.scenarios().get(0).cells().get(ImplementationId.SAGA_ORCH.id()))
                .isEqualTo(FaultMatrix.Cell.notApplicable(""));
    }

    private static ScenarioRunner runner(StoreKind store, Path dataDir) {
        return new ScenarioRunner(new ScenarioContext(store, TransportSettings.Kind.ARTEMIS, dataDir,
                Clock.systemUTC(), OrdersModel.STATE), ScenarioRunner.Progress.NONE);
    }
}
