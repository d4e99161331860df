package dev.txlab.harness.cost;

import dev.txlab.harness.store.ServerTransactionCount;
import dev.txlab.harness.store.spi.RoundTrip;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The transactions the decorator saw end, checked against PostgreSQL's own count over a run's whole
 * life, so that no path can shrink the counts by going around the decorator. What the server counts
 * beyond the decorator is the set-up that does not go through it (the schema migrations, the pools'
 * and the driver's own statements on a new connection): a fixed amount per run and per connection,
 * never per order.
 *
 * @param server what PostgreSQL counted
 * @param decorated the decorator's round trips that each end one transaction on the server (see {@link #ENDS})
 * @param orders the orders the run placed
 */
public record ServerCountCheck(ServerTransactionCount.Reading server, long decorated, long orders) {
    /**
     * The round trips that end server transactions, one each: a commit, a rollback, a connection
     * check and an XA recover (each a query outside a transaction block), and an XA branch's prepare
     * with its commit or rollback (PostgreSQL counts nothing for the prepare and two for what ends
     * the prepared branch).
     */
    public static final Set<RoundTrip> ENDS = EnumSet.of(RoundTrip.COMMIT, RoundTrip.ROLLBACK,
            RoundTrip.CONNECTION_CHECK, RoundTrip.XA_PREPARE, RoundTrip.XA_COMMIT, RoundTrip.XA_ROLLBACK,
            RoundTrip.XA_RECOVER, RoundTrip.XA_FORGET);

    public static ServerCountCheck of(ServerTransactionCount.Reading server, CostCounters.Costs costs, long orders) {
        return new ServerCountCheck(server, ENDS.stream().mapToLong(costs::count).sum(), orders);
    }

    /** Transactions the server counted that the decorator did not (negative: the decorator counted more). */
    public long serverOnly() {
        return server.clientTransactions() - decorated;
    }

    public String describe() {
        String difference = serverOnly() == 0 ? "the same" : String.format(Locale.ROOT, "%,d %s on the server",
                Math.abs(serverOnly()), serverOnly() > 0 ? "more" : "fewer");
        return String.format(Locale.ROOT, "%,d transactions ended by the decorator's count (commits, rollbacks, "
                        + "connection checks, XA prepares + commits/rollbacks, XA recovers), %,d by PostgreSQL's own "
                        + "(pg_stat_database: %,d commits + %,d rollbacks, less the start-up transaction of each of "
                        + "its %,d sessions): %s over the run's whole life, set-up included (%+.3f per order of %,d)",
                decorated, server.clientTransactions(), server.commits(), server.rollbacks(), server.sessions(),
                difference, orders == 0 ? 0.0 : (double) serverOnly() / orders, orders);
    }
}
