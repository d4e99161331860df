package dev.txlab.saga.orch;

import dev.txlab.messaging.BackgroundFailures;
import dev.txlab.harness.loop.LoopThread;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The coordinator's clock-driven side: a saga that has waited {@link #TIMEOUT} for a reply gets its
 * outstanding command again (participants are idempotent; a second reply is ignored). On a
 * recovery start, every running saga gets its command again at once.
 */
final class CommandTimeouts implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SWEEP = Duration.ofSeconds(1);
    private static final String THREAD = "txlab-saga-timeouts";

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
    private final BackgroundFailures failures;
    private boolean resendAllFirst;

    CommandTimeouts(DataSource orders, Resend resend, Clock clock, boolean recovering, BackgroundFailures failures) {
        this.orders = orders;
        this.resend = resend;
        this.clock = clock;
        this.resendAllFirst = recovering;
        this.failures = failures;
        this.loop = new LoopThread(THREAD, this::pass);
    }

    CommandTimeouts start() {
        loop.start();
        return this;
    }

    /**
     * One sweep (all running sagas first after a recovery start), then a pause. A failed sweep is
     * reported and the next one tries again.
     */
    private void pass() throws InterruptedException {
        try {
            sweep(resendAllFirst ? clock.millis() + 1 : clock.millis() - TIMEOUT.toMillis());
            resendAllFirst = false;
        } catch (SQLException | RuntimeException e) {
            failures.failed(THREAD, e);
        }
        loop.pause(SWEEP);
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
                } catch (SagaLog.StaleSagaException e) {
                    connection.rollback(); // expected: another coordinator moved the saga on since it was read
                } catch (SQLException e) {
                    connection.rollback();
                    failures.failed(THREAD + " (saga " + instance.sagaId() + ")", e);
                }
            }
        }
    }

    @Override
    public void close() {
        loop.close();
    }
}
