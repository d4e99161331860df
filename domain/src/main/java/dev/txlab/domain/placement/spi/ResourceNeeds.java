package dev.txlab.domain.placement.spi;

/**
 * What one run of an implementation opens and holds on each of its databases, for a number of
 * callers: the run's local connection pool (what the callers, consumers, relays and the audit take),
 * the connections the implementation opens beside it (an XA transaction manager's enlisting pool and
 * its recovery connection), and the XA branches each caller can hold prepared there at once.
 *
 * @param localPool                  the run's pooled local connections per database
 * @param ownConnections             the implementation's own connections per database
 * @param preparedBranchesPerCaller  XA branches a caller holds prepared per database (0: no XA)
 */
public record ResourceNeeds(int localPool, int ownConnections, int preparedBranchesPerCaller) {
    /** Local connections beyond the callers': the sagas' consumer threads and relays, the audit, readers. */
    public static final int BACKGROUND_CONNECTIONS = 8;

    public ResourceNeeds {
        if (localPool < 1 || ownConnections < 0 || preparedBranchesPerCaller < 0) {
            throw new IllegalArgumentException("a local pool of at least 1 and counts >= 0 are needed, were "
                    + localPool + ", " + ownConnections + " and " + preparedBranchesPerCaller);
        }
    }

    /** An implementation that works on local transactions only: one pooled connection per caller, and the background's. */
    public static ResourceNeeds localTransactions(int callers) {
        return new ResourceNeeds(callers + BACKGROUND_CONNECTIONS, 0, 0);
    }

    /** Connections the run can open to one database at most. */
    public int connectionsPerDatabase() {
        return localPool + ownConnections;
    }

    public boolean preparesXaBranches() {
        return preparedBranchesPerCaller > 0;
    }
}
