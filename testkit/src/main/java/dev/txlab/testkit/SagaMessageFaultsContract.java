package dev.txlab.testkit;

import dev.txlab.domain.audit.AuditReport;
import dev.txlab.domain.fault.FaultPlan;
import dev.txlab.domain.placement.ImplementationId;
import dev.txlab.domain.placement.OrderResult;
import dev.txlab.domain.placement.TmSettings;
import dev.txlab.domain.placement.TransportSettings;
import dev.txlab.domain.run.OrderListener;
import dev.txlab.domain.run.Run;
import dev.txlab.domain.run.RunOptions;
import dev.txlab.domain.run.RunResult;
import dev.txlab.domain.store.StoreKind;
import dev.txlab.domain.trace.MessageCounts;
import dev.txlab.domain.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every saga must survive at its transport's decorator point: duplicated deliveries,
 * deliveries dropped before their ack and deliveries held back (so others overtake them) are
 * absorbed with one effect each, and a broker outage only delays orders; invariants hold.
 */
public abstract class SagaMessageFaultsContract {

    /** The saga under test. */
    protected abstract ImplementationId implementation();

    /** A prefix unique to the test class. */
    private String prefix() {
        return "t_faults_" + implementation().id().replace("-", "_");
    }

    @ParameterizedTest
    @EnumSource(TransportSettings.Kind.class)
    void absorbsDuplicatedDroppedAndDelayedDeliveries(TransportSettings.Kind kind) throws Exception {
        TransportSettings transport = kind == TransportSettings.Kind.NATS
                ? TransportSettings.nats(TransportSettings.DEFAULT_NATS_URL) : TransportSettings.ofDefaults();
        if (kind == TransportSettings.Kind.NATS) {
            Servers.assumeReachable("NATS", "127.0.0.1", 4222);
        }
        WorkloadSpec spec = WorkloadSpec.builder().seed(5).orders(150).refusalRate(0.05).build();
        FaultPlan faults = FaultPlan.NONE.withMessageFaults(
                new FaultPlan.MessageFaultRates(0.1, 0.1, 0.05, Duration.ofMillis(200)));

        try (Run run = Run.prepare(new RunOptions(TestStores.of(StoreKind.H2_FILE, prefix() + "_" + kind.id())
                .build(), implementation(), spec, 4, faults, Clock.systemUTC(), TmSettings.ofDefaults(),
                transport))) {
            RunResult result = run.execute(OrderListener.NONE);
            AuditReport audit = run.audit();
            MessageCounts counts = run.placement().messageCounts().orElseThrow();

            assertThat(audit.ok()).as(audit.describe(20)).isTrue();
            assertThat(result.completed()).isEqualTo(spec.orders());
            assertThat(counts.duplicatesSkipped()).as("duplicates skipped by the inboxes").isPositive();
            assertThat(counts.redelivered()).as("dropped deliveries came again").isPositive();
            assertThat(counts.deadLettered()).isZero();
        }
    }

    @Test
    void finishesEveryOrderAfterTheBrokerWasUnavailableForAWhile() throws Exception {
        WorkloadSpec spec = WorkloadSpec.builder().seed(6).orders(200).build();
        FaultPlan faults = FaultPlan.NONE.withBrokerOutage(
                new FaultPlan.BrokerOutage(Duration.ofMillis(500), Duration.ofMillis(2500)));
        AtomicLong slowest = new AtomicLong();

        try (Run run = Run.prepare(new RunOptions(TestStores.of(StoreKind.H2_FILE, prefix() + "_outage").build(),
                implementation(), spec, 4, faults, Clock.systemUTC()))) {
            RunResult result = run.execute(new OrderListener() {
                @Override
                public void completed(OrderResult order, long ackNanos, long outcomeNanos) {
                    slowest.accumulateAndGet(outcomeNanos, Math::max);
                }
            });
            AuditReport audit = run.audit();

            assertThat(audit.ok()).as(audit.describe(20)).isTrue();
            assertThat(result.completed()).isEqualTo(spec.orders());
            assertThat(Duration.ofNanos(slowest.get())).as("an order waited out the outage")
                    .isGreaterThan(Duration.ofSeconds(1));
        }
    }
}
