package dev.txlab.harness.run;

import dev.txlab.domain.service.AccountListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a run's event-sourced accounts told: the appends that found their version taken (each retried
 * from the reload: the price of optimistic concurrency on a contended account), and the snapshots
 * that could not be used (each load replayed the whole stream instead, with a warning logged).
 */
public final class AccountTally implements AccountListener {
    private static final Logger LOG = LoggerFactory.getLogger(AccountTally.class);

    private final AtomicLong versionConflicts = new AtomicLong();
    private final AtomicLong snapshotsNotUsed = new AtomicLong();
    private final AtomicReference<String> firstWarning = new AtomicReference<>();

    @Override
    public void versionTaken(String customerId) {
        versionConflicts.incrementAndGet();
    }

    @Override
    public void snapshotNotUsed(String warning) {
        snapshotsNotUsed.incrementAndGet();
        firstWarning.compareAndSet(null, warning);
        LOG.warn("{}", warning);
    }

    public long versionConflicts() {
        return versionConflicts.get();
    }

    public long snapshotsNotUsed() {
        return snapshotsNotUsed.get();
    }

    /** The first snapshot that could not be used, in words. */
    public Optional<String> firstWarning() {
        return Optional.ofNullable(firstWarning.get());
    }
}
