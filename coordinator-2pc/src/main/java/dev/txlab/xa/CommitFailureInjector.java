package dev.txlab.xa;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.fault.FaultPlan;
import dev.txlab.harness.store.spi.InjectedFailure;
import dev.txlab.harness.store.spi.JdbcInterceptor;
import dev.txlab.harness.store.spi.RoundTrip;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAException;

/**
 * The fault plan's {@link FaultPlan.CommitFailure}: counts phase-2 commits sent to one service's
 * database and fails the chosen one with {@code XAER_RMFAIL} instead of sending it, losing its
 * connection as a dropped link would: the database ends the session and the branch waits prepared,
 * in doubt. Only that one commit fails; the transaction manager's later attempts go through.
 */
final class CommitFailureInjector implements JdbcInterceptor {
    private final FaultPlan.CommitFailure failure;
    private final AtomicInteger commits = new AtomicInteger();

    CommitFailureInjector(FaultPlan.CommitFailure failure) {
        this.failure = failure;
    }

    @Override
    public Optional<InjectedFailure> failureInstead(ServiceName service, RoundTrip kind) {
        if (service != failure.service() || kind != RoundTrip.XA_COMMIT
                || commits.incrementAndGet() != failure.onCommit()) {
            return Optional.empty();
        }
        XAException rmfail = new XAException("txlab fault plan: phase-2 commit #" + failure.onCommit() + " at the "
                + service.id() + " database failed (resource manager unreachable)");
        rmfail.errorCode = XAException.XAER_RMFAIL;
        return Optional.of(new InjectedFailure(rmfail, true));
    }
}
