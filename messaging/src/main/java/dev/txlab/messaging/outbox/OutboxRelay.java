package dev.txlab.messaging.outbox;

import dev.txlab.harness.fault.CrashPoint;
import dev.txlab.harness.fault.CrashPoints;
import dev.txlab.messaging.BackgroundFailures;
import dev.txlab.harness.loop.LoopThread;
import dev.txlab.messaging.MessageCodec;
import dev.txlab.messaging.spi.Transport;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Publishes one database's unpublished items (its outbox rows, or the orders events to publish: a
 * {@link RelaySource}) in order, in batches (the broker confirms every message of a batch before the
 * relay goes on), and marks each batch with one statement. Woken by {@link #wake()} after a commit
 * that wrote some, and by a poll in case a wake was missed (or the process restarted with some left).
 * Runs on a thread of its own until closed. Its crash points: after the local commit before the
 * publish (as its source names it), after the publish before the mark (which only causes a duplicate).
 *
 * @param <K> what marks one published item
 */
public final class OutboxRelay<K> implements AutoCloseable {
    public static final int BATCH = 100;
    public static final Duration POLL = Duration.ofMillis(200);

    private final String name;
    private final DataSource dataSource;
    private final RelaySource<K> source;
    private final Transport transport;
    private final CrashPoints crashPoints;
    private final Semaphore wakeups = new Semaphore(0);
    private final AtomicLong woken = new AtomicLong();
    private final LoopThread loop;
    private final BackgroundFailures failures;

    /** A relay of a database's outbox table whose crash points the run's fault plan may arm. */
    public static OutboxRelay<String> ofOutbox(String name, DataSource dataSource, Transport transport,
                                               MessageCodec codec, CrashPoints crashPoints,
                                               BackgroundFailures failures) {
        return new OutboxRelay<>(name, dataSource, new OutboxTable(codec), transport, crashPoints, failures);
    }

    /** A relay of any source whose crash points the run's fault plan may arm. */
    public OutboxRelay(String name, DataSource dataSource, RelaySource<K> source, Transport transport,
                       CrashPoints crashPoints, BackgroundFailures failures) {
        this.name = name;
        this.dataSource = dataSource;
        this.source = source;
        this.transport = transport;
        this.crashPoints = crashPoints;
        this.failures = failures;
        this.loop = new LoopThread("txlab-outbox-relay-" + name, this::pass);
    }

    public OutboxRelay<K> start() {
        loop.start();
        return this;
    }

    /** Asks the relay to look for rows now (call after committing a transaction that wrote some). */
    public void wake() {
        woken.incrementAndGet();
        wakeups.release();
    }

    /** How many times {@link #wake()} was called (polls not counted). */
    public long woken() {
        return woken.get();
    }

    /** How many items wait to be published. */
    public long unpublished() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            long unpublished = source.countUnpublished(connection);
            connection.rollback();
            return unpublished;
        }
    }

    /** Waits for a wake-up or the poll, then publishes until a batch comes back short. */
    private void pass() throws InterruptedException {
        try {
            wakeups.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
            wakeups.drainPermits();
            while (loop.running() && publishBatch() == BATCH) {
                // a full batch: there may be more
            }
        } catch (SQLException | RuntimeException e) {
            failures.failed("outbox relay " + name, e);
        }
    }

    /** Publishes up to one batch of unpublished items in order and marks them; returns how many. */
    int publishBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<RelaySource.Pending<K>> batch = source.unpublished(connection, BATCH);
            if (batch.isEmpty()) {
                connection.rollback();
                return 0;
            }
            crashPoints.hit(source.beforePublish());
            transport.publishAll(batch.stream().map(RelaySource.Pending::outgoing).toList());
            crashPoints.hit(CrashPoint.SAGA_AFTER_PUBLISH_BEFORE_MARK);
            source.markPublished(connection, batch.stream().map(RelaySource.Pending::key).toList());
            connection.commit();
            return batch.size();
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
