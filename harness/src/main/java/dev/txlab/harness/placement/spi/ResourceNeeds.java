package dev.txlab.harness.placement.spi;

/**
 * What one run of an implementation opens and holds on its databases, for a number of callers: the
 * run's local connection pool on the orders database (where callers acknowledge, or record refusals)
 * and on each other database (consumer threads, relays, the audit, readers), the connections the
 * implementation opens beside them on every database (an XA transaction manager's enlisting pool and
 * its recovery connection), and the XA branches each caller can hold prepared per database at once.
 *
 * @param ordersPool                the run's pooled connections to the orders database
 * @param otherPool                 the run's pooled connections to each other database
 * @param ownConnections            the implementation's own connections per database
 * @param preparedBranchesPerCaller XA branches a caller holds prepared per database (0: no XA)
 */
public record ResourceNeeds(int ordersPool, int otherPool, int ownConnections, int preparedBranchesPerCaller) {
    /** Local connections beyond the callers': the sagas' consumer threads and relays, the audit, readers. */
    public static final int BACKGROUND_CONNECTIONS = 8;

    public ResourceNeeds {
        if (ordersPool < 1 || otherPool < 1 || ownConnections < 0 || preparedBranchesPerCaller < 0) {
            throw new IllegalArgumentException("pools of at least 1 and counts >= 0 are needed, were " + ordersPool
                    + ", " + otherPool + ", " + ownConnections + " and " + preparedBranchesPerCaller);
        }
    }

    /**
     * An implementation on local transactions whose callers work on the orders database (the local
     * baseline's only one; the sagas' acknowledging transaction): one connection per caller there.
     */
    public static ResourceNeeds localTransactions(int callers) {
        return new ResourceNeeds(callers + BACKGROUND_CONNECTIONS, BACKGROUND_CONNECTIONS, 0, 0);
    }

    /** Connections the run can open to one database at most. */
    public int connections(boolean ordersDatabase) {
        return (ordersDatabase ? ordersPool : otherPool) + ownConnections;
    }

    public boolean preparesXaBranches() {
        return preparedBranchesPerCaller > 0;
    }
}
