package dev.txlab.xa;

import dev.txlab.domain.service.ServiceName;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.XADataSource;

/**
 * Runs a TM's recovery scan until none of this node's branches is in doubt in any participant, or
 * until the presumed-abort timeout and a margin have passed (then it says what is left).
 */
public final class XaRecovery {
    /** How long past the presumed-abort timeout recovery keeps scanning. */
    public static final Duration MARGIN = Duration.ofSeconds(20);
    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final String node;
    private final Map<ServiceName, XADataSource> participants;
    private final Duration presumedAbortAfter;
    private final Runnable scan;

    public XaRecovery(String node, Map<ServiceName, XADataSource> participants, Duration presumedAbortAfter,
                      Runnable scan) {
        this.node = node;
        this.participants = participants;
        this.presumedAbortAfter = presumedAbortAfter;
        this.scan = scan;
    }

    /**
     * Scans while any of this node's branches is in doubt (no scan when none is); returns what is
     * still in doubt at the deadline.
     */
    public List<InDoubtBranches.Branch> resolveInDoubt() {
        long deadline = System.nanoTime() + presumedAbortAfter.plus(MARGIN).toNanos();
        List<InDoubtBranches.Branch> left = inDoubt();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            scan.run();
            left = inDoubt();
            if (!left.isEmpty()) {
                LockSupport.parkNanos(PAUSE_NANOS);
            }
        }
        return left;
    }

    /** The branches of this node in doubt right now. */
    public List<InDoubtBranches.Branch> inDoubt() {
        return InDoubtBranches.of(node, participants);
    }
}
