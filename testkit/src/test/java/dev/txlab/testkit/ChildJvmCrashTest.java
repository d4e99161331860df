package dev.txlab.testkit;

import dev.txlab.domain.model.OrdersModel;
import dev.txlab.harness.audit.AuditReport;
import dev.txlab.harness.child.ChildJvm;
import dev.txlab.harness.child.ChildRun;
import dev.txlab.harness.child.MessageCountsReport;
import dev.txlab.harness.fault.CrashPoint;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.run.Ledger;
import dev.txlab.harness.run.Ledgers;
import dev.txlab.harness.run.RunAudit;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.workload.OrderKind;
import dev.txlab.harness.workload.Workload;
import dev.txlab.harness.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness halts a real child JVM at a named point; a new JVM (this one) then audits what the
 * crashed run left. local-baseline commits atomically, so nothing acknowledged is lost and nothing
 * is half done, whichever side of the commit the crash falls on.
 */
class ChildJvmCrashTest {
    private static final int CRASH_ON_APPROVED_ORDER = 25;
    private static final long SEED = 42;
    private static final int ORDERS = 100;

    @Test
    void aCrashAfterTheCommitLosesNoAcknowledgedOrderAndLeavesNothingHalfDone() throws Exception {
        String prefix = "t_crash_after";
        ChildJvm.Result child = crash(prefix, CrashPoint.BASELINE_AFTER_COMMIT);

        StoreConfig store = TestStores.of(StoreKind.H2_FILE, prefix).build();
        AuditReport audit = RunAudit.audit(store, Clock.systemUTC()).report();
        assertThat(audit.ok()).as(audit.describe(20)).isTrue();
        assertThat(audit.orders()).as("the crashing order committed before the halt")
                .isEqualTo(crashingOrderIndex() + 1);
        assertThat(Ledger.read(Ledgers.path(store)).ids()).hasSize(crashingOrderIndex());
        assertThat(child.stdout().lines()).as("the child prints only its message counts")
                .allMatch(line -> line.startsWith(MessageCountsReport.MARKER));
    }

    @Test
    void aCrashBeforeTheCommitLeavesNoTraceOfTheCrashingOrder() throws Exception {
        String prefix = "t_crash_before";
        crash(prefix, CrashPoint.BASELINE_BEFORE_COMMIT);

        StoreConfig store = TestStores.of(StoreKind.H2_FILE, prefix).build();
        AuditReport audit = RunAudit.audit(store, Clock.systemUTC()).report();
        assertThat(audit.ok()).as(audit.describe(20)).isTrue();
        assertThat(audit.orders()).isEqualTo(crashingOrderIndex());
        assertThat(audit.acknowledged()).isEqualTo(crashingOrderIndex());
    }

    /** Where the crashing order stands in the workload: the commit points are hit by approved orders only. */
    private static int crashingOrderIndex() {
        return Workload.of(WorkloadSpec.builder().orders(ORDERS).seed(SEED).build())
                .indexOf(OrderKind.REGULAR, CRASH_ON_APPROVED_ORDER);
    }

    private static ChildJvm.Result crash(String prefix, CrashPoint point) {
        ChildJvm.Result child = ChildJvm.run(ChildRun.class, Duration.ofMinutes(2),
                new ChildRun.Request(ImplementationId.LOCAL_BASELINE, StoreKind.H2_FILE, TestStores.dataDir().toString(),
                        prefix, ORDERS, 1, SEED, point.name() + "@" + CRASH_ON_APPROVED_ORDER, 10,
                        TransportSettings.Kind.ARTEMIS, OrdersModel.STATE));
        assertThat(child.crashed()).as("exit code %d, stderr:%n%s", child.exitCode(), child.stderr()).isTrue();
        assertThat(child.firedPoint()).contains(point.name());
        return child;
    }
}
