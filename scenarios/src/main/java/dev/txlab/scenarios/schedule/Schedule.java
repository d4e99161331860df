package dev.txlab.scenarios.schedule;

import dev.txlab.harness.fault.CrashPoint;
import dev.txlab.harness.fault.FaultPlan;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.workload.WorkloadSpec;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One random schedule, a pure function of its seed: the implementation, a crash point it reaches and
 * the hit to halt on (the run may end before that hit: then nothing crashed, which the summary
 * counts), for the sagas random rates of duplicated, dropped and held-back deliveries, the workload
 * seed and the number of callers.
 */
public record Schedule(long seed, ImplementationId implementation, CrashPoint point, int hit,
                       FaultPlan.MessageFaultRates messages, int callers) {
    /** Orders per schedule: enough to reach the hits drawn below, few enough for seconds per schedule. */
    static final int ORDERS = 60;
    private static final long FAULTS_STREAM = 0x5DEECE66DL;
    private static final Duration MAX_HOLD_BACK = Duration.ofMillis(100);
    /**
     * The sagas' schedules run with 16 to 32 callers: enough that the consumers' batches form (the
     * runtime as it runs by default), which 1 to 3 callers leave at about one delivery each.
     */
    private static final int MIN_SAGA_CALLERS = 16;

    /**
     * The schedule of a seed among the given implementations. The implementation is drawn from a
     * stream of its own, so the same seed with only that implementation allowed gives the same schedule.
     */
    public static Schedule generate(long seed, List<ImplementationId> among) {
        ImplementationId implementation = among.get(new SplittableRandom(seed).nextInt(among.size()));
        SplittableRandom random = new SplittableRandom(seed ^ FAULTS_STREAM);
        List<CrashPoint> points = pointsOf(implementation);
        CrashPoint point = points.get(random.nextInt(points.size()));
        int hit = 1 + random.nextInt(maxHit(point));
        FaultPlan.MessageFaultRates messages = isSaga(implementation)
                ? new FaultPlan.MessageFaultRates(round(random.nextDouble() * 0.2), round(random.nextDouble() * 0.05),
                round(random.nextDouble() * 0.1), MAX_HOLD_BACK)
                : FaultPlan.MessageFaultRates.NONE;
        int callers = isSaga(implementation) ? MIN_SAGA_CALLERS + random.nextInt(MIN_SAGA_CALLERS + 1)
                : 1 + random.nextInt(isXa(implementation) ? 1 : 3);
        return new Schedule(seed, implementation, point, hit, messages, callers);
    }

    public FaultPlan faultPlan() {
        return FaultPlan.crashAt(point, hit).withMessageFaults(messages);
    }

    public WorkloadSpec workload() {
        return WorkloadSpec.builder().orders(ORDERS).seed(seed).build();
    }

    public String describe() {
        String faults = messages.any() ? String.format(Locale.ROOT, ", deliveries duplicated %.0f%%, dropped %.0f%%, "
                        + "held back %.0f%%", messages.duplicateRate() * 100, messages.dropRate() * 100,
                messages.delayRate() * 100) : "";
        return implementation + ", halt at " + point + "@" + hit + faults + ", " + callers + " callers";
    }

    static List<CrashPoint> pointsOf(ImplementationId implementation) {
        return switch (implementation) {
            case LOCAL_BASELINE -> List.of(CrashPoint.BASELINE_BEFORE_COMMIT, CrashPoint.BASELINE_AFTER_COMMIT);
            case XA_NARAYANA, XA_ATOMIKOS -> List.of(CrashPoint.XA_AFTER_ALL_PREPARES,
                    CrashPoint.XA_AFTER_COMMIT_DECISION, CrashPoint.XA_AFTER_FIRST_PHASE2_COMMIT);
            case SAGA_CHOREO -> List.of(CrashPoint.SAGA_AFTER_LOCAL_COMMIT_BEFORE_PUBLISH,
                    CrashPoint.SAGA_AFTER_PUBLISH_BEFORE_MARK, CrashPoint.SAGA_AFTER_CONSUMER_COMMIT_BEFORE_ACK);
            case SAGA_ORCH -> List.of(CrashPoint.SAGA_AFTER_LOCAL_COMMIT_BEFORE_PUBLISH,
                    CrashPoint.SAGA_AFTER_PUBLISH_BEFORE_MARK, CrashPoint.SAGA_AFTER_CONSUMER_COMMIT_BEFORE_ACK,
                    CrashPoint.SAGA_MID_COMPENSATION);
        };
    }

    /**
     * The highest hit drawn for a point: most runs of {@link #ORDERS} orders reach it (the sagas'
     * batches make their consumer transactions and relay rounds few: a few dozen per run).
     */
    private static int maxHit(CrashPoint point) {
        return switch (point) {
            case SAGA_MID_COMPENSATION -> 2;
            case SAGA_AFTER_CONSUMER_COMMIT_BEFORE_ACK -> 16;
            case SAGA_AFTER_LOCAL_COMMIT_BEFORE_PUBLISH, SAGA_AFTER_PUBLISH_BEFORE_MARK -> 8;
            default -> 20;
        };
    }

    private static boolean isSaga(ImplementationId id) {
        return id == ImplementationId.SAGA_CHOREO || id == ImplementationId.SAGA_ORCH;
    }

    private static boolean isXa(ImplementationId id) {
        return id.coordination() == ImplementationId.Coordination.XA;
    }

    private static double round(double rate) {
        return Math.round(rate * 100) / 100.0;
    }
}
