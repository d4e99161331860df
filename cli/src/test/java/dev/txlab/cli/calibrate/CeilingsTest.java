package dev.txlab.cli.calibrate;

import dev.txlab.report.Ceiling;
import dev.txlab.report.ForcedWritesPerOrder;
import dev.txlab.report.ImplementationResult.Cost;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CeilingsTest {
    /** One window of 1 s whose machine CPU per operation is the given number of microseconds. */
    private static Measurement costing(Primitive primitive, String on, double cpuMicros) {
        return Measurement.measured(primitive, on, List.of(
                new Measurement.Window(1_000, 1_000_000_000L, Optional.of(Math.round(cpuMicros * 1_000 * 1_000)))));
    }

    private static final List<Measurement> PRIMITIVES = List.of(
            costing(Primitive.ROUND_TRIP, "postgres", 40),
            costing(Primitive.KEYED_UPDATE, "postgres", 50),
            costing(Primitive.INSERT_COMMIT, "postgres", 130),
            costing(Primitive.XA_PREPARE_COMMIT, "postgres", 250),
            costing(Primitive.PUBLISH_CONSUME_ACK, "nats", 60),
            costing(Primitive.FORCED_WRITE, ForcedWritePrimitive.TARGET, 10));

    @Test
    void theCpuCeilingIsTheCoresOverWhatAnOrdersPrimitivesCost() {
        // 10 statements at 50 (a keyed update), 2 rollbacks and 1 connection check at 40 (a round trip), 3 commits at
        // 80 (130 less a keyed update), 4 XA branches at 200, 5 deliveries at 60: 500 + 120 + 240 + 800 + 300 = 1,960
        // µs per order (2 cores allow 1,020.4 orders/s)
        Cost cost = new Cost(100, 0, 10, 3, 2, 1, 4, 4, 8, 5, 5);

        Optional<Ceiling> ceiling = new Ceilings(PRIMITIVES, "postgres", "nats", 2).of(cost, null);

        assertThat(ceiling).hasValueSatisfying(c -> {
            assertThat(c.cpuMicrosPerOrder()).isEqualTo(1_960.0, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(c.ordersPerSecond()).isEqualTo(2e6 / 1_960, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(c.basis()).contains("10.0 statements x 50.0 µs + 3.0 rollbacks and connection checks x 40.0 µs").contains("4.0 XA branches x 200.0 µs");
            assertThat(c.share(c.ordersPerSecond() / 2)).isEqualTo(0.5);
        });
    }

    @Test
    void theForcedWriteCeilingBindsWhenItIsTheLowerAndNoForcedWritesMeanNoSuchLimit() {
        Cost cost = new Cost(100, 0, 10, 3, 2, 0, 4, 4, 8, 5, 5); // CPU ceiling 1,041.7 orders/s: above, no check
        Ceilings ceilings = new Ceilings(PRIMITIVES, "postgres", "nats", 2);
        // the forced-write primitive: 1,000 per second

        assertThat(ceilings.of(cost, forcedWrites(2.0))).hasValueSatisfying(c -> {
            assertThat(c.ordersPerSecond()).isEqualTo(500.0, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(c.limitedBy()).isEqualTo(Ceiling.FORCED_WRITES);
            assertThat(c.basis()).contains("forced writes: 1,000 per second (one writer) / 2.00 per order = 500");
        });
        assertThat(ceilings.of(cost, forcedWrites(0.5))).hasValueSatisfying(c -> {
            assertThat(c.ordersPerSecond()).isEqualTo(2e6 / 1_920, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(c.limitedBy()).isEqualTo(Ceiling.CPU);
        });
        assertThat(ceilings.of(cost, forcedWrites(0))).hasValueSatisfying(c ->
                assertThat(c.basis()).contains("no forced-write limit"));
        assertThat(ceilings.of(cost, ForcedWritesPerOrder.notCounted("strace is not installed")))
                .hasValueSatisfying(c -> assertThat(c.basis()).contains("not counted: strace is not installed"));
    }

    private static ForcedWritesPerOrder forcedWrites(double perOrder) {
        return new ForcedWritesPerOrder(perOrder == 0 ? java.util.Map.of() : java.util.Map.of("PostgreSQL WAL",
                perOrder), 400, 4, null);
    }

    @Test
    void noCeilingWhenAPrimitiveTheOrderNeedsWasNotMeasuredOrTheStoresAreMixed() {
        Cost withMessages = new Cost(100, 0, 10, 3, 0, 0, 0, 0, 0, 5, 5);
        List<Measurement> noBroker = PRIMITIVES.subList(0, 4);

        assertThat(new Ceilings(noBroker, "postgres", "nats", 2).of(withMessages, null)).isEmpty();
        assertThat(new Ceilings(PRIMITIVES, null, "nats", 2).of(withMessages, null)).isEmpty();
        assertThat(new Ceilings(PRIMITIVES, "postgres", "nats", 2).of(null, null)).isEmpty();
    }
}
