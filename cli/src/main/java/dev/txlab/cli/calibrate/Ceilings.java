package dev.txlab.cli.calibrate;

import dev.txlab.report.Ceiling;
import dev.txlab.report.ForcedWritesPerOrder;
import dev.txlab.report.ImplementationResult.Cost;
import dev.txlab.report.PrimitiveCost;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The ceiling of an implementation from its cost per order and the primitives measured alone on the
 * same store and broker: the smaller of the forced-write ceiling, forced writes per second (one
 * writer, {@link ForcedWritePrimitive}) ÷ forced writes per order, and the CPU ceiling,
 * cores ÷ Σ(count per order × machine CPU per primitive), where a
 * statement costs a keyed update, a rollback a round trip, a commit the insert + commit less a keyed
 * update, an XA branch (start, end, prepare, commit) the XA primitive less a keyed update, and a
 * delivery a publish + consume + ack. txlab's own code costs nothing here and a service's statement
 * no more than a keyed update, so the ceiling is an upper bound: a share above 100 % means it is wrong.
 */
public final class Ceilings {
    private final List<Measurement> primitives;
    private final String store;
    private final String broker;
    private final int cores;

    /** The primitives of one comparison: its store kind (a single one) and its broker. */
    public Ceilings(List<Measurement> primitives, String store, String broker, int cores) {
        this.primitives = List.copyOf(primitives);
        this.store = store;
        this.broker = broker;
        this.cores = cores;
    }

    /**
     * The ceiling for a cost per order and forced writes per order (null or not counted: the CPU
     * ceiling alone, its basis saying so); empty when a CPU primitive it needs was not measured.
     */
    public Optional<Ceiling> of(Cost cost, ForcedWritesPerOrder forcedWrites) {
        return cpuCeiling(cost).map(cpu -> lowerOf(cpu, forcedWrites));
    }

    private Ceiling lowerOf(Ceiling cpu, ForcedWritesPerOrder forcedWrites) {
        if (forcedWrites == null || !forcedWrites.counted()) {
            return new Ceiling(cpu.ordersPerSecond(), Ceiling.CPU, cpu.cpuMicrosPerOrder(), cpu.basis()
                    + "; forced writes " + (forcedWrites == null ? "not counted" : forcedWrites.describe()));
        }
        Optional<Double> perSecond = primitives.stream()
                .filter(m -> m.primitive() == Primitive.FORCED_WRITE && m.notMeasured().isEmpty())
                .findFirst().map(m -> m.operationsPerSecond().mean());
        if (perSecond.isEmpty() || forcedWrites.total() <= 0) {
            return new Ceiling(cpu.ordersPerSecond(), Ceiling.CPU, cpu.cpuMicrosPerOrder(), cpu.basis()
                    + "; forced writes " + forcedWrites.describe() + (perSecond.isEmpty()
                    ? ", no forced-write primitive measured" : ", none per order: no forced-write limit"));
        }
        double byForcedWrites = perSecond.get() / forcedWrites.total();
        String basis = cpu.basis() + String.format(Locale.ROOT, "; forced writes: %,.0f per second (one writer) / "
                + "%.2f per order = %,.0f orders/s", perSecond.get(), forcedWrites.total(), byForcedWrites);
        return byForcedWrites < cpu.ordersPerSecond()
                ? new Ceiling(byForcedWrites, Ceiling.FORCED_WRITES, cpu.cpuMicrosPerOrder(), basis)
                : new Ceiling(cpu.ordersPerSecond(), Ceiling.CPU, cpu.cpuMicrosPerOrder(), basis);
    }

    private Optional<Ceiling> cpuCeiling(Cost cost) {
        if (cost == null) {
            return Optional.empty();
        }
        Optional<Double> roundTrip = cpu(store, Primitive.ROUND_TRIP);
        Optional<Double> statement = cpu(store, Primitive.KEYED_UPDATE);
        Optional<Double> commit = less(cpu(store, Primitive.INSERT_COMMIT), statement);
        Optional<Double> xa = less(cpu(store, Primitive.XA_PREPARE_COMMIT), statement);
        Optional<Double> delivery = cpu(broker, Primitive.PUBLISH_CONSUME_ACK);
        if (roundTrip.isEmpty() || statement.isEmpty() || commit.isEmpty() && cost.commits() > 0
                || xa.isEmpty() && cost.xaPrepares() > 0 || delivery.isEmpty() && cost.messagesDelivered() > 0) {
            return Optional.empty();
        }
        double micros = cost.statements() * statement.get()
                + (cost.rollbacks() + cost.connectionChecks()) * roundTrip.get()
                + cost.commits() * commit.orElse(0.0) + cost.xaPrepares() * xa.orElse(0.0)
                + cost.messagesDelivered() * delivery.orElse(0.0);
        String basis = String.format(Locale.ROOT, "CPU: %d cores x 1e6 / %.1f µs per order = %.1f statements x %.1f µs "
                        + "+ %.1f rollbacks and connection checks x %.1f µs + %.1f commits x %.1f µs + %.1f XA branches x %.1f µs + %.1f "
                        + "deliveries x %.1f µs (primitives on %s and %s)", cores, micros, cost.statements(),
                statement.get(), cost.rollbacks() + cost.connectionChecks(), roundTrip.get(), cost.commits(), commit.orElse(0.0),
                cost.xaPrepares(), xa.orElse(0.0), cost.messagesDelivered(), delivery.orElse(0.0), store, broker);
        return Optional.of(new Ceiling(cores * 1e6 / Math.max(micros, 1e-9), Ceiling.CPU, micros, basis));
    }

    private static Optional<Double> less(Optional<Double> whole, Optional<Double> part) {
        return whole.flatMap(w -> part.map(p -> Math.max(0, w - p)));
    }

    private Optional<Double> cpu(String on, Primitive primitive) {
        return primitives.stream()
                .filter(m -> m.target().equals(on) && m.primitive() == primitive && m.notMeasured().isEmpty())
                .findFirst()
                .flatMap(Measurement::cpuMicrosPerOperation)
                .map(stat -> Math.max(0, stat.mean()));
    }

    /** The primitives as the report keeps them. */
    public static List<PrimitiveCost> asReported(List<Measurement> primitives) {
        return primitives.stream().map(Ceilings::asReported).toList();
    }

    private static PrimitiveCost asReported(Measurement m) {
        if (m.notMeasured().isPresent()) {
            return new PrimitiveCost(m.primitive().label(), m.target(), 0, 0, 0, 0, 0, m.notMeasured().get());
        }
        Measurement.Stat rate = m.operationsPerSecond();
        Optional<Measurement.Stat> cpu = m.cpuMicrosPerOperation();
        return new PrimitiveCost(m.primitive().label(), m.target(), rate.mean(), rate.stdDev(),
                cpu.map(Measurement.Stat::mean).orElse(0.0), cpu.map(Measurement.Stat::stdDev).orElse(0.0),
                rate.n(), cpu.isEmpty() ? "machine CPU not readable (/proc/stat)" : null);
    }
}
