package dev.txlab.harness.fault;

import java.io.IOException;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Counts the hits of every crash point and halts the JVM at the one the fault plan arms (or
 * restarts a database server there, when the plan asks for that instead). Before
 * halting it prints {@value #FIRED_MARKER} and the point's name on standard error, so a harness can
 * prove which point fired.
 */
public final class CrashPoints {
    public static final int CRASH_EXIT_CODE = 77;
    public static final String FIRED_MARKER = "TXLAB-CRASH-POINT-FIRED ";
    public static final String RESTART_MARKER = "TXLAB-SERVER-RESTART ";
    private static final long RESTART_TIMEOUT_SECONDS = 90;

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

    /**
     * Marks that execution reached the point; halts when the plan arms it for this hit, or restarts
     * a database server there when the plan says so (waiting for the restart to finish).
     */
    public void hit(CrashPoint point) {
        hit(point, () -> "");
    }

    /**
     * As {@link #hit(CrashPoint)}, announcing a detail with the halt (e.g. {@code batch=5}); the
     * detail is built only when the point fires, so an unarmed hit costs no string.
     */
    public void hit(CrashPoint point, Supplier<String> detail) {
        long count = hits.get(point).incrementAndGet();
        plan.serverRestart().filter(restart -> restart.point() == point && restart.onHit() == count)
                .ifPresent(this::restartServer);
        if (plan.crashPoint().filter(point::equals).isPresent() && count == plan.crashOnHit()) {
            String announced = detail.get();
            announce.println(FIRED_MARKER + point.name() + " hit=" + count + (announced.isEmpty() ? "" : " " + announced));
            announce.flush();
            halt.halt(CRASH_EXIT_CODE);
        }
    }

    private void restartServer(FaultPlan.ServerRestart restart) {
        String command = String.join(" ", restart.command());
        announce.println(RESTART_MARKER + restart.point().name() + " hit=" + restart.onHit() + ": " + command);
        announce.flush();
        try {
            Process process = new ProcessBuilder(restart.command()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(RESTART_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the server restart '" + command + "' did not finish within "
                        + RESTART_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("the server restart '" + command + "' failed with exit code "
                        + process.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run the server restart '" + command + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the server restarted", e);
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
