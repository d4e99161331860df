package dev.txlab.xa;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.placement.TmIdentity;
import jakarta.transaction.TransactionManager;

import java.util.List;
import javax.sql.DataSource;

/** One transaction manager with a pool of enlisting XA connections per participant, and its recovery. */
public interface XaEngine extends AutoCloseable {
    /** Enlisting connections per participant beyond one per caller (a caller's retry overlaps its released one). */
    int SPARE_CONNECTIONS = 2;

    /** The size of each participant's enlisting pool for this many callers. */
    static int poolSize(int callers) {
        return callers + SPARE_CONNECTIONS;
    }

    TransactionManager transactionManager();

    /** Pooled connections of the service's database that enlist in the current JTA transaction. */
    DataSource dataSource(ServiceName service);

    /** Runs the TM's recovery over every participant now, until what it can resolve is resolved. */
    void recoverNow();

    TmIdentity identity();

    /**
     * One line per record of the TM's log that it cannot read back (its recovery presumes such a
     * transaction aborted); empty when every record reads, or when the TM offers no way to tell.
     */
    default List<String> unreadableLogRecords() {
        return List.of();
    }

    /** One line for the output: product, version, log store and its sync, presumed-abort timeout. */
    String describe();

    @Override
    void close();
}
