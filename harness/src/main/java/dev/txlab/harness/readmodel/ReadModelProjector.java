package dev.txlab.harness.readmodel;

import dev.txlab.domain.model.OrderEvent;
import dev.txlab.domain.model.OrdersModel;
import dev.txlab.domain.service.OrderEventStore;
import dev.txlab.harness.fault.CrashPoint;
import dev.txlab.harness.fault.CrashPoints;
import dev.txlab.harness.loop.LoopThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Projects the orders streams into the read models, asynchronously, on a thread of its own: each
 * pass takes the oldest unprojected events (a batch), applies them to the views and marks them
 * projected in one local transaction of the orders database, under the read models' lock (a
 * rebuild's swap waits for it, and it for the swap). The flag per event is its checkpoint: an event
 * whose transaction commits after a later one was projected is still unprojected, and found by the
 * next pass. Woken after each commit that appended events ({@link CommitStamps}), and by a poll.
 * An event it cannot apply (unreadable, or contradicting the view) is left unprojected, logged once,
 * and holds up no other; the audit reports it.
 */
public final class ReadModelProjector implements AutoCloseable {
    public static final int BATCH = 500;
    public static final Duration POLL = Duration.ofMillis(100);
    private static final Logger LOG = LoggerFactory.getLogger(ReadModelProjector.class);

    private final DataSource orders;
    private final Optional<CommitStamps> stamps;
    private final CrashPoints crashPoints;
    private final ReadModelLag lag = new ReadModelLag();
    private final Semaphore wakeups = new Semaphore(0);
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final LoopThread loop;
    private final Object progress = new Object();
    private long passesStarted;
    private long caughtUpInPass;

    private ReadModelProjector(DataSource orders, Optional<CommitStamps> stamps, CrashPoints crashPoints) {
        this.orders = orders;
        this.stamps = stamps;
        this.crashPoints = crashPoints;
        this.loop = new LoopThread("txlab-read-model-projector", this::pass);
        stamps.ifPresent(s -> s.onCommit(this::wake));
    }

    /**
     * A projector of the orders database's streams whose lag starts at the commits {@code stamps} sees,
     * with its crash point ({@link CrashPoint#READ_MODEL_MID_BATCH}) under the run's fault plan.
     */
    public static ReadModelProjector start(DataSource orders, Optional<CommitStamps> stamps, CrashPoints crashPoints) {
        ReadModelProjector projector = new ReadModelProjector(orders, stamps, crashPoints);
        projector.loop.start();
        return projector;
    }

    /** The projector of a run whose orders are kept in {@code model}: one for event-sourced orders, else none. */
    public static Optional<ReadModelProjector> startFor(OrdersModel model, DataSource orders,
                                                        Optional<CommitStamps> stamps, CrashPoints crashPoints) {
        return model == OrdersModel.EVENT_SOURCED ? Optional.of(start(orders, stamps, crashPoints)) : Optional.empty();
    }

    /**
     * Projects every event projectable now on the calling thread, batch after batch, with no loop of
     * its own (a benchmark's operation, a catch-up by hand); returns how many events it read.
     */
    public static long projectAll(DataSource orders) throws SQLException {
        ReadModelProjector once = new ReadModelProjector(orders, Optional.empty(), CrashPoints.disarmed());
        long read = 0;
        int batch;
        do {
            batch = once.projectBatch();
            read += batch;
        } while (batch == BATCH);
        return read;
    }

    /** Asks for a pass now. */
    public void wake() {
        wakeups.release();
    }

    /** The lag measured so far. */
    public ReadModelLag lag() {
        return lag;
    }

    /**
     * Waits until a pass begun after this call has found nothing more it could project (events it
     * cannot apply aside), at most {@code bound}; false when the bound passed first.
     */
    public boolean awaitCaughtUp(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        synchronized (progress) {
            long after = passesStarted;
            wake();
            while (caughtUpInPass <= after) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
            return true;
        }
    }

    private void pass() throws InterruptedException {
        wakeups.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
        wakeups.drainPermits();
        long pass;
        synchronized (progress) {
            pass = ++passesStarted;
        }
        try {
            while (loop.running()) {
                if (projectBatch() < BATCH) {
                    synchronized (progress) {
                        caughtUpInPass = pass;
                        progress.notifyAll();
                    }
                    return;
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("read-model projection pass failed (the next pass retries): {}", e.toString());
        }
    }

    /** Projects up to one batch; returns how many events it read, or 0 when it could apply none of them. */
    int projectBatch() throws SQLException {
        try (Connection connection = orders.getConnection()) {
            lock(connection);
            List<String> unreadable = new ArrayList<>();
            List<OrderEvent> events = OrderEventStore.unprojected(connection, BATCH, unreadable);
            unreadable.forEach(this::reportOnce);
            if (events.isEmpty()) {
                connection.rollback();
                return 0;
            }
            Set<String> orderIds = new LinkedHashSet<>();
            events.forEach(event -> orderIds.add(event.orderId()));
            Projection projection = new Projection(ReadModelTables.LIVE.summaries(connection, orderIds));
            List<OrderEvent> applied = new ArrayList<>();
            List<OrderEvent> done = new ArrayList<>();
            for (OrderEvent event : events) {
                try {
                    switch (projection.apply(event)) {
                        case APPLIED -> {
                            applied.add(event);
                            done.add(event);
                        }
                        case ALREADY_APPLIED -> done.add(event);
                        case NOT_YET -> { }
                    }
                } catch (OrderEvent.MalformedEvent e) {
                    reportOnce(e.getMessage());
                }
            }
            if (done.isEmpty()) {
                connection.rollback();
                return 0;
            }
            ReadModelTables.LIVE.write(connection, projection);
            crashPoints.hit(CrashPoint.READ_MODEL_MID_BATCH);
            OrderEventStore.markProjected(connection, done);
            connection.commit();
            recordLag(applied);
            return events.size();
        }
    }

    /** Takes the read models' lock for the caller's transaction (the projector's or a rebuild's). */
    static void lock(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM read_model_lock WHERE id = 1 FOR UPDATE");
             ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                throw new SQLException("the read models' lock row is missing from read_model_lock");
            }
        }
    }

    private void recordLag(List<OrderEvent> applied) {
        long now = System.nanoTime();
        for (OrderEvent event : applied) {
            OptionalLong eventLag = stamps.isPresent() ? stamps.get().lag(event, now) : OptionalLong.empty();
            if (eventLag.isPresent()) {
                lag.record(eventLag.getAsLong());
            } else {
                lag.untimed();
            }
        }
    }

    private void reportOnce(String problem) {
        if (reported.add(problem)) {
            LOG.warn("read models: an event left unprojected: {}", problem);
        }
    }

    /** Stops after the batch in progress (never interrupting it: see {@link LoopThread}). */
    @Override
    public void close() {
        loop.finish();
        wakeups.release();
        loop.close();
    }
}
