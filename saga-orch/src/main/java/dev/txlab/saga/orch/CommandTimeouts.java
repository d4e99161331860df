package dev.txlab.saga.orch;

import dev.txlab.messaging.LoopThread;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The coordinator's clock-driven side: a saga that has waited {@link #TIMEOUT} for a reply gets its
 * outstanding command again (participants are idempotent; a second reply is ignored). On a
 * recovery start, every running saga gets its command again at once.
 */
final class CommandTimeouts implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SWEEP = Duration.ofSeconds(1);

    /** Sends one saga's command again, in the given transaction. */
    @FunctionalInterface
    interface Resend {
        void resend(Connection connection, SagaLog.Instance instance) throws SQLException;
    }

    private final DataSource orders;
    private final Resend resend;
    private final Clock clock;
    private final SagaLog log = new SagaLog();
    private final LoopThread loop;
    private boolean resendAllFirst;

    CommandTimeouts(DataSource orders, Resend resend, Clock clock, boolean recovering) {
        this.orders = orders;
        this.resend = resend;
        this.clock = clock;
        this.resendAllFirst = recovering;
        this.loop = new LoopThread("txlab-saga-timeouts", this::pass);
    }

    CommandTimeouts start() {
        loop.start();
        return this;
    }

    /** One sweep (all running sagas first after a recovery start), then a pause. */
    private void pass() throws InterruptedException {
        try {
            sweep(resendAllFirst ? clock.millis() + 1 : clock.millis() - TIMEOUT.toMillis());
            resendAllFirst = false;
        } catch (SQLException | RuntimeException e) {
            // a stale saga (another coordinator moved it) or a passing database error: next sweep
        }
        TimeUnit.MILLISECONDS.sleep(SWEEP.toMillis());
    }

    private void sweep(long beforeMillis) throws SQLException {
        try (Connection connection = orders.getConnection()) {
            var waiting = log.runningSince(connection, beforeMillis);
            connection.rollback();
            for (SagaLog.Instance instance : waiting) {
                try {
                    var current = log.find(connection, instance.sagaId());
                    if (current.isPresent() && current.get().version() == instance.version()) {
                        resend.resend(connection, current.get());
                    }
                    connection.commit();
                } catch (SQLException e) {
                    connection.rollback();
                }
            }
        }
    }

    @Override
    public void close() {
        loop.close();
    }
}
