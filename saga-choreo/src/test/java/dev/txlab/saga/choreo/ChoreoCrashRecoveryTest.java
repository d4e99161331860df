package dev.txlab.saga.choreo;

import dev.txlab.domain.audit.AuditReport;
import dev.txlab.domain.audit.Invariant;
import dev.txlab.domain.fault.CrashPoint;
import dev.txlab.domain.placement.ImplementationId;
import dev.txlab.domain.placement.TransportSettings;
import dev.txlab.domain.run.RunAudit;
import dev.txlab.domain.run.RunRecovery;
import dev.txlab.domain.store.StoreConfig;
import dev.txlab.domain.store.StoreKind;
import dev.txlab.testkit.ChildJvm;
import dev.txlab.testkit.ChildRun;
import dev.txlab.testkit.Servers;
import dev.txlab.testkit.TestStores;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A saga-choreo run halted (a child JVM, no shutdown hooks) at each messaging crash point leaves
 * orders in flight; a fresh start over the same databases and broker brings every one to its end
 * and the audit passes.
 */
class ChoreoCrashRecoveryTest {
    private static final int ORDERS = 60;
    private static final long SEED = 3;

    @ParameterizedTest
    @CsvSource({
            "SAGA_AFTER_LOCAL_COMMIT_BEFORE_PUBLISH, 12, H2_FILE, ARTEMIS",
            "SAGA_AFTER_PUBLISH_BEFORE_MARK,         12, H2_FILE, ARTEMIS",
            "SAGA_AFTER_CONSUMER_COMMIT_BEFORE_ACK,  40, H2_FILE, ARTEMIS",
            "SAGA_AFTER_CONSUMER_COMMIT_BEFORE_ACK,  40, POSTGRES, NATS"})
    void resumesEverySagaAfterAHaltAt(CrashPoint point, int hit, StoreKind storeKind, TransportSettings.Kind transport)
            throws Exception {
        if (storeKind != StoreKind.H2_FILE) {
            Servers.assumeAvailable(storeKind);
        }
        if (transport == TransportSettings.Kind.NATS) {
            Servers.assumeReachable("NATS", "127.0.0.1", 4222);
        }
        String prefix = ("t_choreo_crash_" + point.ordinal() + "_" + storeKind.ordinal()).toLowerCase(Locale.ROOT);
        StoreConfig store = TestStores.of(storeKind, prefix).build();

        ChildJvm.Result child = ChildJvm.run(ChildRun.class, Duration.ofMinutes(2),
                ChildRun.args(ImplementationId.SAGA_CHOREO, storeKind, TestStores.dataDir(), prefix, ORDERS, 2, SEED,
                        point.name() + "@" + hit, 10, transport));

        assertThat(child.crashed()).as("exit code %d, stderr:%n%s", child.exitCode(), child.stderr()).isTrue();
        assertThat(child.firedPoint()).contains(point.name());
        AuditReport beforeRecovery = RunAudit.audit(store, Clock.systemUTC()).report();
        assertThat(beforeRecovery.violationsOf(Invariant.I3_NO_LEFTOVERS)).as("orders in flight at the halt")
                .isNotEmpty();

        RunRecovery.Recovered recovered = RunRecovery.recover(store, ChildRun.tmSettings(10),
                TransportSettings.of(transport.id(), null), Clock.systemUTC(), Optional.of(ImplementationId.SAGA_CHOREO));

        assertThat(recovered.left()).as("left after recovery").isEmpty();
        AuditReport audit = RunAudit.audit(store, Clock.systemUTC()).report();
        assertThat(audit.ok()).as(audit.describe(20)).isTrue();
        assertThat(audit.acknowledged()).as("orders acknowledged before the halt").isPositive();
    }
}
