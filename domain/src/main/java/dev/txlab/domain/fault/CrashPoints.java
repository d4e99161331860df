package dev.txlab.domain.fault;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the hits of every crash point and halts the JVM at the one the fault plan arms. Before
 * halting it prints {@value #FIRED_MARKER} and the point's name on standard error, so a harness can
 * prove which point fired.
 */
public final class CrashPoints {
    public static final int CRASH_EXIT_CODE = 77;
    public static final String FIRED_MARKER = "TXLAB-CRASH-POINT-FIRED ";

    private final FaultPlan plan;
    private final Halt halt;
    private final PrintStream announce;
    private final Map<CrashPoint, AtomicLong> hits = new EnumMap<>(CrashPoint.class);

    public CrashPoints(FaultPlan plan, Halt halt, PrintStream announce) {
        this.plan = plan;
        this.halt = halt;
        this.announce = announce;
        for (CrashPoint point : CrashPoint.values()) {
            hits.put(point, new AtomicLong());
        }
    }

    /** Crash points of a real process: halts with {@link #CRASH_EXIT_CODE}, no shutdown hooks run. */
    public static CrashPoints of(FaultPlan plan) {
        return new CrashPoints(plan, code -> Runtime.getRuntime().halt(code), System.err);
    }

    public static CrashPoints disarmed() {
        return of(FaultPlan.NONE);
    }

    /** Marks that execution reached the point; halts when the plan arms it for this hit. */
    public void hit(CrashPoint point) {
        long count = hits.get(point).incrementAndGet();
        if (plan.crashPoint().filter(point::equals).isPresent() && count == plan.crashOnHit()) {
            announce.println(FIRED_MARKER + point.name() + " hit=" + count);
            announce.flush();
            halt.halt(CRASH_EXIT_CODE);
        }
    }

    public long hits(CrashPoint point) {
        return hits.get(point).get();
    }

    /** How the process stops at a crash point; {@code Runtime.halt} outside unit tests. */
    @FunctionalInterface
    public interface Halt {
        void halt(int exitCode);
    }
}
