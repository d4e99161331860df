package dev.txlab.harness.run;

import dev.txlab.harness.audit.AuditReport;
import dev.txlab.harness.audit.Invariant;
import dev.txlab.harness.audit.Violation;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.workload.WorkloadSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A run seals its ledger when it ends; an audit never passes over a ledger emptied or cut since. */
class LedgerSealTest {
    private static final int ORDERS = 40;

    @TempDir
    Path dataDir;
    private StoreConfig store;
    private Path ledger;

    @BeforeEach
    void placeOrdersAndEnd() throws Exception {
        store = StoreConfig.builder().allServices(StoreKind.H2_FILE).dataDir(dataDir).prefix("ledger_seal").build();
        try (Run run = Run.prepare(RunOptions.builder(store, ImplementationId.LOCAL_BASELINE)
                .workload(WorkloadSpec.builder().seed(4).orders(ORDERS).build())
                .callers(2)
                .build())) {
            run.execute(OrderListener.NONE);
            assertThat(RunAudit.audit(store, Clock.systemUTC()).ledgerNotes()).as("a running run's ledger")
                    .singleElement().asString().contains("did not end (killed, or still going)");
        }
        ledger = Ledgers.path(store);
    }

    @Test
    void anEndedRunsIntactLedgerPassesWithoutNotes() throws Exception {
        RunAudit.Audited audited = RunAudit.audit(store, Clock.systemUTC());

        assertThat(audited.report().ok()).as(audited.report().describe(5)).isTrue();
        assertThat(audited.report().acknowledged()).isEqualTo(ORDERS);
        assertThat(audited.ledgerNotes()).isEmpty();
    }

    @Test
    void anEmptiedLedgerMakesI0UncheckableAndNeverPasses() throws Exception {
        List<String> lines = Files.readAllLines(ledger);
        Files.writeString(ledger, lines.get(0) + "\n");

        assertThat(i0(RunAudit.audit(store, Clock.systemUTC()).report())).singleElement().asString()
                .contains("I0 cannot be checked: the ledger " + ledger + " holds 0 ids, but run ")
                .contains("acknowledged " + ORDERS);
    }

    @Test
    void aTruncatedLedgerMakesI0UncheckableRatherThanReportingFalseLosses() throws Exception {
        List<String> lines = Files.readAllLines(ledger);
        Files.write(ledger, lines.subList(0, lines.size() - 10));

        AuditReport report = RunAudit.audit(store, Clock.systemUTC()).report();

        assertThat(i0(report)).singleElement().asString().contains("holds " + (ORDERS - 10) + " ids");
        assertThat(report.violations()).hasSize(1);
    }

    @Test
    void aTornLastLineIsAcceptedAndSaidWhileAStrayCarriageReturnShows() throws Exception {
        Files.writeString(ledger, "o00000099\r", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        RunAudit.Audited audited = RunAudit.audit(store, Clock.systemUTC());

        assertThat(audited.report().ok()).isTrue();
        assertThat(audited.ledgerNotes()).singleElement().asString()
                .contains("the ledger's last line was cut by a crash (\"o00000099\\r\")");
    }

    private static List<Violation> i0(AuditReport report) {
        return report.violationsOf(Invariant.I0_NOTHING_LOST);
    }
}
