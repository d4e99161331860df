package dev.txlab.xa;

import dev.txlab.domain.audit.AuditReport;
import dev.txlab.domain.audit.Invariant;
import dev.txlab.domain.fault.CrashPoint;
import dev.txlab.domain.model.OrderStatus;
import dev.txlab.domain.placement.ImplementationId;
import dev.txlab.domain.placement.TransportSettings;
import dev.txlab.domain.run.RunAudit;
import dev.txlab.domain.run.RunRecovery;
import dev.txlab.domain.service.OrdersService;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.domain.store.JdbcDecorator;
import dev.txlab.domain.store.StoreConfig;
import dev.txlab.domain.store.StoreKind;
import dev.txlab.domain.store.Stores;
import dev.txlab.domain.store.Topology;
import dev.txlab.domain.workload.OrderKind;
import dev.txlab.domain.workload.Workload;
import dev.txlab.domain.workload.WorkloadSpec;
import dev.txlab.testkit.ChildJvm;
import dev.txlab.testkit.ChildRun;
import dev.txlab.testkit.Servers;
import dev.txlab.testkit.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A child JVM runs an XA implementation and halts (no shutdown hooks) at a 2PC crash point on the
 * N-th approved order; this JVM then recovers with the same TM identity and logs, and audits. The
 * crash is proven (exit code, announced point, branches in doubt before recovery); after recovery
 * nothing of the TM is in doubt, the invariants hold, and the crashing order is rolled back (crash
 * before the decision) or approved (crash after it).
 */
abstract class XaCrashRecoveryContract {
    private static final int CRASH_ON_APPROVED_ORDER = 5;
    private static final int PRESUMED_ABORT_SECONDS = 2;
    private static final long SEED = 42;
    private static final int ORDERS = 40;

    protected abstract ImplementationId implementation();

    protected abstract StoreKind store();

    /** One prefix per test class: the TM configuration (node, log) is JVM-wide. */
    private String prefix() {
        return "t_crash_" + implementation().id().substring(3, 6) + "_" + store().id().replace("-", "");
    }

    @BeforeEach
    void serverIsUp() {
        Servers.assumeAvailable(store());
    }

    @ParameterizedTest
    @EnumSource(value = CrashPoint.class, names = {"XA_AFTER_ALL_PREPARES", "XA_AFTER_COMMIT_DECISION",
            "XA_AFTER_FIRST_PHASE2_COMMIT"})
    void recoversEveryBranchAfterAHaltAt(CrashPoint point) throws Exception {
        StoreConfig store = TestStores.of(store(), prefix()).build();

        ChildJvm.Result child = ChildJvm.run(ChildRun.class, Duration.ofMinutes(2),
                ChildRun.args(implementation(), store(), TestStores.dataDir(), prefix(), ORDERS, 1, SEED,
                        point.name() + "@" + CRASH_ON_APPROVED_ORDER, PRESUMED_ABORT_SECONDS,
                        TransportSettings.Kind.ARTEMIS));

        assertThat(child.crashed()).as("exit code %d, stderr:%n%s", child.exitCode(), child.stderr()).isTrue();
        assertThat(child.firedPoint()).contains(point.name());
        AuditReport beforeRecovery = RunAudit.audit(store, Clock.systemUTC()).report();
        assertThat(beforeRecovery.violationsOf(Invariant.I3_NO_LEFTOVERS))
                .as("branches in doubt before recovery").anySatisfy(v -> assertThat(v.subject()).startsWith("xa "));

        RunRecovery.Recovered recovered = RunRecovery.recover(store,
                ChildRun.tmSettings(PRESUMED_ABORT_SECONDS), TransportSettings.ofDefaults(), Clock.systemUTC(),
                Optional.of(implementation()));

        assertThat(recovered.left()).as("left after recovery").isEmpty();
        AuditReport audit = RunAudit.audit(store, Clock.systemUTC()).report();
        assertThat(audit.ok()).as(audit.describe(20)).isTrue();
        Optional<OrderStatus> crashing = statusOf(store, crashingOrder());
        if (point == CrashPoint.XA_AFTER_ALL_PREPARES) {
            assertThat(crashing).as("rolled back: no decision was logged").isEmpty();
        } else {
            assertThat(crashing).as("committed: the decision was logged").contains(OrderStatus.APPROVED);
        }
    }

    /** The order that crashed: the N-th of the workload that gets approved (single caller, in order). */
    private static String crashingOrder() {
        return Workload.orderId(Workload.of(WorkloadSpec.builder().orders(ORDERS).seed(SEED).build())
                .indexOf(OrderKind.REGULAR, CRASH_ON_APPROVED_ORDER));
    }

    private static Optional<OrderStatus> statusOf(StoreConfig store, String orderId) throws Exception {
        try (Stores stores = Stores.open(store, Topology.DATABASE_PER_SERVICE, JdbcDecorator.of());
             Connection connection = stores.dataSource(ServiceName.ORDERS).getConnection()) {
            return new OrdersService(Clock.systemUTC()).status(connection, orderId);
        }
    }

}
