package dev.txlab.cli.compare;

import dev.txlab.domain.model.AccountsModel;
import dev.txlab.domain.model.OrdersModel;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.run.AccountsSetting;
import dev.txlab.harness.store.ServerEndpoint;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.scenarios.Catalog;
import dev.txlab.scenarios.FaultMatrix;
import dev.txlab.scenarios.ScenarioRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A comparison's guarantee evidence is real: the child JVM halts at the implementation's named
 * point, a fresh one recovers, the audit passes, and the probe's readers report what they saw.
 */
class GuaranteeEvidenceIT {
    @TempDir
    Path dataDir;

    @Test
    void theBaselinesCrashRecoversToAPassingAuditAndItsReadersSeeOnlyTheReadModelsLagWithTheComparisonsModels() {
        StoreConfig store = StoreConfig.builder().allServices(StoreKind.H2_FILE).dataDir(dataDir).build();
        GuaranteeEvidence evidence = new GuaranteeEvidence(store, TransportSettings.ofDefaults(),
                OrdersModel.EVENT_SOURCED, new AccountsSetting(AccountsModel.EVENT_SOURCED, 5), true);
        List<ImplementationId> baseline = List.of(ImplementationId.LOCAL_BASELINE);

        FaultMatrix gathered = evidence.gather(baseline, ScenarioRunner.Progress.NONE);

        assertThat(evidence.whyNot()).isEmpty();
        assertThat(evidence.steps(baseline)).isEqualTo(2);
        assertThat(gathered.suite()).isEqualTo(GuaranteeEvidence.WITH_CRASH);
        assertThat(gathered.store()).endsWith("orders model event-sourced, accounts event-sourced, a snapshot every 5 "
                + "events of an account");
        assertThat(gathered.scenarios()).singleElement().satisfies(row -> {
            assertThat(row.id()).isEqualTo(Catalog.slowestRecovery(ImplementationId.LOCAL_BASELINE).id());
            FaultMatrix.Cell cell = row.cells().get("local-baseline");
            assertThat(cell.passed()).as(cell.evidence()).isTrue();
            assertThat(cell.evidence()).contains("halted");
            assertThat(cell.recoverySeconds()).isNotNull();
        });
        assertThat(gathered.anomalies().get("local-baseline")).as(gathered.anomalyExamples().toString())
                .containsKey("stale read").allSatisfy((anomaly, count) -> {
                    if (!anomaly.equals("stale read")) {
                        assertThat(count).as(anomaly).isZero();
                    }
                });
        assertThat(gathered.anomalyExamples().get("local-baseline")).contains("reads of in-flight orders");
    }

    @Test
    void aComparisonTheCatalogCannotReachGathersNoneAndSaysWhy() {
        StoreConfig mix = StoreConfig.builder().allServices(StoreKind.H2_FILE).service(ServiceName.PAYMENTS,
                StoreKind.POSTGRES).dataDir(dataDir).build();
        StoreConfig elsewhere = StoreConfig.builder().allServices(StoreKind.POSTGRES).dataDir(dataDir)
                .postgres(new ServerEndpoint("jdbc:postgresql://127.0.0.1:5433/", "postgres", "")).build();

        assertThat(new GuaranteeEvidence(mix, TransportSettings.ofDefaults(), OrdersModel.STATE, true).whyNot())
                .hasValueSatisfying(why -> assertThat(why).contains("the store is a mix"));
        assertThat(new GuaranteeEvidence(elsewhere, TransportSettings.ofDefaults(), OrdersModel.STATE, true).whyNot())
                .hasValueSatisfying(why -> assertThat(why).contains("postgres server at its default URL"));
        assertThat(new GuaranteeEvidence(mix, TransportSettings.ofDefaults(), OrdersModel.STATE, true)
                .steps(List.of(ImplementationId.LOCAL_BASELINE))).isZero();
    }
}
