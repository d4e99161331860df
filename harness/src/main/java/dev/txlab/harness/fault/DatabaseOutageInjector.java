package dev.txlab.harness.fault;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.store.spi.InjectedFailure;
import dev.txlab.harness.store.spi.JdbcInterceptor;
import dev.txlab.harness.store.spi.RoundTrip;

import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import javax.transaction.xa.XAException;

/**
 * The fault plan's {@link FaultPlan.DatabaseOutage} at the JDBC decorator point: once armed, every
 * round trip to the database that is down fails, for the outage's length, as a lost connection
 * would: SQLState 08006, and for an XA call {@code XAER_RMFAIL} with its connection closed (the
 * database ends the session; a prepared branch waits in doubt). Counts what it refused.
 */
public final class DatabaseOutageInjector implements JdbcInterceptor {
    private final FaultPlan.DatabaseOutage outage;
    private final Set<ServiceName> down;
    private final Clock clock;
    private final LongAdder refused = new LongAdder();
    private volatile Instant start = Instant.MAX;
    private volatile Instant end = Instant.MAX;

    /** @param down the services whose data is in the database that goes down (all of them in one database) */
    public DatabaseOutageInjector(FaultPlan.DatabaseOutage outage, Set<ServiceName> down, Clock clock) {
        this.outage = outage;
        this.down = Set.copyOf(down);
        this.clock = clock;
    }

    /** Starts the outage's clock: it begins {@code after} from now. */
    public void arm() {
        Instant now = clock.instant();
        end = now.plus(outage.after()).plus(outage.length());
        start = now.plus(outage.after());
    }

    @Override
    public Optional<InjectedFailure> failureInstead(ServiceName service, RoundTrip kind) {
        if (!down.contains(service)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isBefore(start) || !now.isBefore(end)) {
            return Optional.empty();
        }
        refused.increment();
        String message = "txlab fault plan: the " + outage.service().id() + " database is unavailable for "
                + outage.length().toMillis() + " ms";
        if (kind.isXa()) {
            XAException rmfail = new XAException(message);
            rmfail.errorCode = XAException.XAER_RMFAIL;
            return Optional.of(new InjectedFailure(rmfail, true));
        }
        return Optional.of(new InjectedFailure(new SQLTransientConnectionException(message, "08006"), false));
    }

    /** How many round trips the outage refused. */
    public long refused() {
        return refused.sum();
    }
}
