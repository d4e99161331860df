package dev.txlab.scenarios.probe;

import dev.txlab.domain.model.OrderStatus;
import dev.txlab.domain.model.OrdersModel;
import dev.txlab.domain.service.OrdersService;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.run.Run;
import dev.txlab.harness.workload.Workload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Concurrent readers beside a run: each picks one of the most recently submitted orders and reads
 * its status (orders database), then whether stock is reserved for it (depot), then whether it was
 * paid (payments), each read committed in its own database, as any other service or report would;
 * with event-sourced orders, then its summary in the read models beside its stream (one statement).
 */
public final class IsolationProbe implements AutoCloseable {
    /** Readers pick among this many most recently submitted orders: those most likely in flight. */
    static final int WINDOW = 32;
    /** The most observations kept (a bound on memory; the reads stop counting beyond it). */
    static final int MAX_OBSERVATIONS = 1_000_000;
    private static final long PAUSE_NANOS = 200_000;

    private final Run run;
    private final List<Thread> readers = new ArrayList<>();
    private final List<Observation> observations = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private volatile boolean stopped;

    private IsolationProbe(Run run) {
        this.run = run;
    }

    public static IsolationProbe start(Run run, int readers, long seed) {
        IsolationProbe probe = new IsolationProbe(run);
        for (int i = 0; i < readers; i++) {
            long readerSeed = seed * 31 + i;
            Thread reader = new Thread(() -> probe.readLoop(readerSeed), "txlab-probe-" + i);
            reader.setDaemon(true);
            probe.readers.add(reader);
            reader.start();
        }
        return probe;
    }

    /** Stops the readers and returns what they saw. */
    public List<Observation> stop() throws InterruptedException {
        stopped = true;
        for (Thread reader : readers) {
            reader.join();
        }
        synchronized (failures) {
            if (!failures.isEmpty()) {
                throw new IllegalStateException("a probe reader failed: " + failures.get(0), failures.get(0));
            }
        }
        synchronized (observations) {
            return List.copyOf(observations);
        }
    }

    private void readLoop(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        OrdersService orders = OrdersService.of(run.options().ordersModel(), run.options().clock());
        boolean eventSourced = run.options().ordersModel() == OrdersModel.EVENT_SOURCED;
        try (Connection ordersDb = run.stores().dataSource(ServiceName.ORDERS).getConnection();
             Connection depotDb = run.stores().dataSource(ServiceName.DEPOT).getConnection();
             Connection paymentsDb = run.stores().dataSource(ServiceName.PAYMENTS).getConnection()) {
            while (!stopped) {
                int handedOut = run.feed().handedOut();
                if (handedOut > 0) {
                    String orderId = Workload.orderId(handedOut - 1 - random.nextInt(Math.min(handedOut, WINDOW)));
                    Optional<OrderStatus> status = orders.status(ordersDb, orderId);
                    ordersDb.rollback();
                    boolean reservation = exists(depotDb,
                            "SELECT 1 FROM shopping_lists WHERE order_id = ? AND status = 'ACTIVE'", orderId);
                    boolean payment = exists(paymentsDb,
                            "SELECT 1 FROM payments WHERE order_id = ? AND status = 'CONFIRMED'", orderId);
                    Optional<Observation.ViewRead> view = eventSourced ? Optional.of(view(ordersDb, orderId))
                            : Optional.empty();
                    record(new Observation(orderId, status, reservation, payment, view));
                }
                LockSupport.parkNanos(PAUSE_NANOS); // paces the reader; it waits for nothing
            }
        } catch (SQLException | RuntimeException e) {
            synchronized (failures) {
                failures.add(e);
            }
        }
    }

    private void record(Observation observation) {
        synchronized (observations) {
            if (observations.size() < MAX_OBSERVATIONS) {
                observations.add(observation);
            }
        }
    }

    /** The order's summary and its stream's version in one statement: one snapshot of both. */
    private static Observation.ViewRead view(Connection orders, String orderId) throws SQLException {
        try (PreparedStatement statement = orders.prepareStatement("SELECT (SELECT version FROM order_summary "
                + "WHERE order_id = ?), (SELECT status FROM order_summary WHERE order_id = ?), (SELECT MAX(version) "
                + "FROM order_events WHERE stream_id = ?)")) {
            statement.setString(1, orderId);
            statement.setString(2, orderId);
            statement.setString(3, orderId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                String viewStatus = rows.getString(2);
                return new Observation.ViewRead(rows.getInt(1), Optional.ofNullable(viewStatus)
                        .map(OrderStatus::valueOf), rows.getInt(3));
            }
        } finally {
            orders.rollback();
        }
    }

    private static boolean exists(Connection connection, String sql, String orderId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, orderId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        } finally {
            connection.rollback();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (!stopped) {
            stop();
        }
    }
}
