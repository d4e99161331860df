package dev.txlab.scenarios;

import dev.txlab.domain.model.OrdersModel;
import dev.txlab.harness.audit.Invariant;
import dev.txlab.harness.child.ChildJvm;
import dev.txlab.harness.child.ChildRun;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.run.RunRecovery;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.testkit.Servers;
import dev.txlab.testkit.TestStores;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression: a Narayana log record emptied after a halt between two phase-2 commits made recovery
 * presume the transaction aborted and say "nothing left", while the order it had committed in the
 * orders database stayed APPROVED without its other effects. Recovery now names the unreadable
 * record and audits what it recovered, so the broken order is found.
 */
class DamagedTmLogTest {
    private static final String RECORDS = "ShadowNoFileLockStore/defaultStore/StateManager/BasicAction/"
            + "TwoPhaseCoordinator/AtomicAction";

    @Test
    void anEmptiedTransactionRecordIsNamedAndTheOrderItLeftHalfCommittedIsFound() throws Exception {
        Servers.assumeAvailable(StoreKind.MARIADB);
        String prefix = "t_damaged_tm_log";
        StoreConfig store = TestStores.of(StoreKind.MARIADB, prefix).build();
        ChildJvm.Result child = ChildJvm.run(ChildRun.class, Duration.ofMinutes(3), new ChildRun.Request(
                ImplementationId.XA_NARAYANA, StoreKind.MARIADB, store.dataDir().toString(), prefix, 60, 1, 42,
                "XA_AFTER_FIRST_PHASE2_COMMIT@5", 2, TransportSettings.Kind.ARTEMIS, OrdersModel.STATE));
        assertThat(child.crashed()).as(child.stderr()).isTrue();
        List<Path> records = records(store.runDir().resolve("tm-xa-narayana").resolve(RECORDS));
        assertThat(records).as("the decision of the transaction in phase 2 is logged").isNotEmpty();
        for (Path record : records) {
            Files.write(record, new byte[0]);
        }

        RunRecovery.Recovered recovered = RunRecovery.recover(store, ChildRun.tmSettings(2),
                TransportSettings.ofDefaults(), Clock.systemUTC(), Optional.of(ImplementationId.XA_NARAYANA));

        assertThat(recovered.unreadableLogRecords()).hasSize(records.size()).allSatisfy(line -> assertThat(line)
                .startsWith("unreadable transaction record " + records.get(0).getParent())
                .contains("(0 bytes): empty; Narayana's store does not list it"));
        assertThat(recovered.audit().violationsOf(Invariant.I1_ATOMICITY)).singleElement()
                .satisfies(violation -> assertThat(violation.found()).startsWith("APPROVED but no authorization"));
    }

    private static List<Path> records(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
