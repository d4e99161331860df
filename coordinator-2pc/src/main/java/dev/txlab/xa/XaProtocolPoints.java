package dev.txlab.xa;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.fault.CrashPoint;
import dev.txlab.harness.fault.CrashPoints;
import dev.txlab.harness.store.spi.JdbcInterceptor;
import dev.txlab.harness.store.spi.RoundTrip;

/**
 * Marks the 2PC crash points from the XA calls the TM makes on the calling thread:
 * {@link CrashPoint#XA_AFTER_ALL_PREPARES} when the last participant has answered prepare (before
 * the TM logs its decision), {@link CrashPoint#XA_AFTER_COMMIT_DECISION} before the first phase-2
 * commit (the decision is logged by then), {@link CrashPoint#XA_AFTER_FIRST_PHASE2_COMMIT} once the
 * first participant has committed and the others have not.
 */
final class XaProtocolPoints implements JdbcInterceptor {
    private final CrashPoints crashPoints;
    private final int participants;
    private final ThreadLocal<int[]> prepares = ThreadLocal.withInitial(() -> new int[1]);
    private final ThreadLocal<int[]> commits = ThreadLocal.withInitial(() -> new int[1]);

    XaProtocolPoints(CrashPoints crashPoints, int participants) {
        this.crashPoints = crashPoints;
        this.participants = participants;
    }

    /** Called by the placement as a global transaction begins on this thread. */
    void beginTransaction() {
        prepares.get()[0] = 0;
        commits.get()[0] = 0;
    }

    @Override
    public void beforeRoundTrip(ServiceName service, RoundTrip kind) {
        if (kind == RoundTrip.XA_COMMIT && commits.get()[0]++ == 0 && prepares.get()[0] == participants) {
            crashPoints.hit(CrashPoint.XA_AFTER_COMMIT_DECISION);
        }
    }

    @Override
    public void afterRoundTrip(ServiceName service, RoundTrip kind, long elapsedNanos) {
        if (kind == RoundTrip.XA_PREPARE && ++prepares.get()[0] == participants) {
            crashPoints.hit(CrashPoint.XA_AFTER_ALL_PREPARES);
        }
        if (kind == RoundTrip.XA_COMMIT && commits.get()[0] == 1 && prepares.get()[0] == participants) {
            crashPoints.hit(CrashPoint.XA_AFTER_FIRST_PHASE2_COMMIT);
        }
    }
}
