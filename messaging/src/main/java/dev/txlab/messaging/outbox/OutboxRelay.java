package dev.txlab.messaging.outbox;

import dev.txlab.harness.fault.CrashPoint;
import dev.txlab.harness.fault.CrashPoints;
import dev.txlab.messaging.BackgroundFailures;
import dev.txlab.harness.loop.LoopThread;
import dev.txlab.messaging.MessageCodec;
import dev.txlab.messaging.spi.Transport;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Publishes one database's unpublished outbox rows in sequence order, in batches (the broker confirms
 * every message of a batch before the relay goes on), and marks each batch with one statement.
 * Woken by {@link #wake()} after a commit that wrote rows, and by a poll in case a wake was missed
 * (or the process restarted with rows left). Runs on a thread of its own until closed. Its crash
 * points: after the local commit before the publish, after the publish before the mark (which only
 * causes a duplicate).
 */
public final class OutboxRelay implements AutoCloseable {
    public static final int BATCH = 100;
    public static final Duration POLL = Duration.ofMillis(200);

    private final String name;
    private final DataSource dataSource;
    private final Transport transport;
    private final MessageCodec codec;
    private final CrashPoints crashPoints;
    private final Semaphore wakeups = new Semaphore(0);
    private final LoopThread loop;
    private final BackgroundFailures failures;

    /** A relay whose crash points the run's fault plan may arm. */
    public OutboxRelay(String name, DataSource dataSource, Transport transport, MessageCodec codec,
                       CrashPoints crashPoints, BackgroundFailures failures) {
        this.name = name;
        this.dataSource = dataSource;
        this.transport = transport;
        this.codec = codec;
        this.crashPoints = crashPoints;
        this.failures = failures;
        this.loop = new LoopThread("txlab-outbox-relay-" + name, this::pass);
    }

    public OutboxRelay start() {
        loop.start();
        return this;
    }

    /** Asks the relay to look for rows now (call after committing a transaction that wrote some). */
    public void wake() {
        wakeups.release();
    }

    private record Row(String messageId, String destination, String body) {
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

    /** Publishes up to one batch of unpublished rows in order and marks them; returns how many. */
    int publishBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT message_id, destination, body FROM outbox WHERE published = ? ORDER BY seq")) {
                select.setBoolean(1, false);
                select.setMaxRows(BATCH);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.add(new Row(result.getString(1), result.getString(2), result.getString(3)));
                    }
                }
            }
            if (rows.isEmpty()) {
                connection.rollback();
                return 0;
            }
            crashPoints.hit(CrashPoint.SAGA_AFTER_LOCAL_COMMIT_BEFORE_PUBLISH);
            List<Transport.Outgoing> batch = new ArrayList<>();
            for (Row row : rows) {
                batch.add(new Transport.Outgoing(row.destination(),
                        codec.decode(row.body().getBytes(StandardCharsets.UTF_8))));
            }
            transport.publishAll(batch);
            crashPoints.hit(CrashPoint.SAGA_AFTER_PUBLISH_BEFORE_MARK);
            try (PreparedStatement mark = connection.prepareStatement(markStatement(rows.size()))) {
                mark.setBoolean(1, true);
                for (int i = 0; i < rows.size(); i++) {
                    mark.setString(i + 2, rows.get(i).messageId());
                }
                mark.executeUpdate();
            }
            connection.commit();
            return rows.size();
        }
    }

    /**
     * Marks a batch with one statement, by message id: not by a range of sequence numbers, since a
     * row with a number inside the range may commit after the select and is then not published yet.
     */
    static String markStatement(int rows) {
        return "UPDATE outbox SET published = ? WHERE message_id IN (" + String.join(", ", Collections.nCopies(rows, "?"))
                + ")";
    }

    /** Stops after the batch in progress (never interrupting it: see {@link LoopThread}). */
    @Override
    public void close() {
        loop.finish();
        wakeups.release();
        loop.close();
    }
}
