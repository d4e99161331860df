package dev.txlab.saga.orch;

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
import dev.txlab.testkit.TestStores;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordinator halted (a child JVM, no shutdown hooks) after a log write before its command was
 * published, after a command was published before it was marked, after a consumer's commit before
 * its ack, and in the middle of a compensation: a fresh coordinator resumes every saga from its log
 * with no lost or doubled effect, and the audit passes.
 */
class OrchCrashRecoveryTest {
    private static final int ORDERS = 60;
    private static final long SEED = 3;

    @ParameterizedTest
    @CsvSource({
            "SAGA_AFTER_LOCAL_COMMIT_BEFORE_PUBLISH, 12",
            "SAGA_AFTER_PUBLISH_BEFORE_MARK,         12",
            "SAGA_AFTER_CONSUMER_COMMIT_BEFORE_ACK,  40",
            "SAGA_MID_COMPENSATION,                  1"})
    void resumesEverySagaAfterAHaltAt(CrashPoint point, int hit) throws Exception {
        String prefix = "t_orch_crash_" + point.ordinal();
        StoreConfig store = TestStores.of(StoreKind.H2_FILE, prefix).build();

        ChildJvm.Result child = ChildJvm.run(ChildRun.class, Duration.ofMinutes(2),
                ChildRun.args(ImplementationId.SAGA_ORCH, StoreKind.H2_FILE, TestStores.dataDir(), prefix, ORDERS, 2,
                        SEED, point.name() + "@" + hit, 10, TransportSettings.Kind.ARTEMIS));

        assertThat(child.crashed()).as("exit code %d, stderr:%n%s", child.exitCode(), child.stderr()).isTrue();
        assertThat(child.firedPoint()).contains(point.name());
        AuditReport beforeRecovery = RunAudit.audit(store, Clock.systemUTC()).report();
        assertThat(beforeRecovery.violationsOf(Invariant.I3_NO_LEFTOVERS)).as("sagas in flight at the halt")
                .isNotEmpty();

        RunRecovery.Recovered recovered = RunRecovery.recover(store, ChildRun.tmSettings(10),
                TransportSettings.ofDefaults(), Clock.systemUTC(), Optional.of(ImplementationId.SAGA_ORCH));

        assertThat(recovered.left()).as("left after recovery").isEmpty();
        AuditReport audit = RunAudit.audit(store, Clock.systemUTC()).report();
        assertThat(audit.ok()).as(audit.describe(20)).isTrue();
        assertThat(audit.acknowledged()).as("orders acknowledged before the halt").isPositive();
    }
}
