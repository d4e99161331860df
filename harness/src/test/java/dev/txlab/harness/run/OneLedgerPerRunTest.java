package dev.txlab.harness.run;

import dev.txlab.harness.audit.AuditReport;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.store.ServerEndpoint;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Regression for two runs on one prefix and data folder but different stores: the audit of the
 * first read the second's ledger and reported 100 false I0 losses. Each orders database now has its
 * ledger, which names its run; the audit reads the right one or refuses.
 */
class OneLedgerPerRunTest {
    private static final String PREFIX = "one_ledger";

    @TempDir
    Path dataDir;

    @Test
    void aRunOnAnotherStoreUnderTheSamePrefixLeavesTheFirstRunsAuditCorrect() throws Exception {
        StoreConfig inMemory = store(StoreKind.H2_MEM);
        StoreConfig inFiles = store(StoreKind.H2_FILE);
        try (Run first = placed(inMemory, 200)) {
            try (Run second = placed(inFiles, 300)) {
                assertThat(second.audit().acknowledged()).isEqualTo(300);
            }

            AuditReport audit = RunAudit.audit(inMemory, Clock.systemUTC()).report();

            assertThat(audit.ok()).as(audit.describe(5)).isTrue();
            assertThat(audit.orders()).isEqualTo(200);
            assertThat(audit.acknowledged()).isEqualTo(200);
        }
    }

    @Test
    void anAuditRefusesAnotherRunsLedgerAndNamesBothRuns() throws Exception {
        StoreConfig inMemory = store(StoreKind.H2_MEM);
        StoreConfig inFiles = store(StoreKind.H2_FILE);
        try (Run first = placed(inMemory, 50); Run second = placed(inFiles, 60)) {
            Files.copy(Ledgers.path(inFiles), Ledgers.path(inMemory), StandardCopyOption.REPLACE_EXISTING);

            assertThatThrownBy(() -> RunAudit.audit(inMemory, Clock.systemUTC()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("belongs to run " + second.record().runId())
                    .hasMessageContaining("not to run " + first.record().runId());
        }
    }

    @Test
    void anAuditWithoutItsRunsLedgerSaysI0CannotBeCheckedAndNamesTheLedgersThatAreThere() throws Exception {
        StoreConfig inMemory = store(StoreKind.H2_MEM);
        StoreConfig inFiles = store(StoreKind.H2_FILE);
        try (Run first = placed(inMemory, 50); Run second = placed(inFiles, 60)) {
            Files.delete(Ledgers.path(inMemory));

            AuditReport audit = RunAudit.audit(inMemory, Clock.systemUTC()).report();

            assertThat(audit.ok()).isFalse();
            assertThat(audit.violations()).singleElement().satisfies(violation -> assertThat(violation.found())
                    .startsWith("I0 cannot be checked: no ledger of run " + first.record().runId())
                    .contains("ledger-h2-file.txt of run " + second.record().runId()));
        }
    }

    @Test
    void serverStoresKeepOneLedgerPerServer() {
        StoreConfig postgres = StoreConfig.builder().allServices(StoreKind.POSTGRES).dataDir(dataDir).prefix(PREFIX)
                .postgres(new ServerEndpoint("jdbc:postgresql://db.example:6543/", "u", "")).build();

        assertThat(Ledgers.path(postgres)).isEqualTo(dataDir.resolve(PREFIX).resolve("ledger-postgres-db.example-6543.txt"));
        assertThat(Ledgers.path(store(StoreKind.H2_FILE))).isEqualTo(dataDir.resolve(PREFIX).resolve("ledger-h2-file.txt"));
    }

    private StoreConfig store(StoreKind kind) {
        return StoreConfig.builder().allServices(kind).dataDir(dataDir).prefix(PREFIX).build();
    }

    private static Run placed(StoreConfig store, int orders) throws Exception {
        Run run = Run.prepare(RunOptions.builder(store, ImplementationId.LOCAL_BASELINE)
                .workload(WorkloadSpec.builder().seed(9).orders(orders).build())
                .callers(2)
                .build());
        run.execute(OrderListener.NONE);
        return run;
    }
}
