package dev.txlab.harness.store.internal;

import dev.txlab.harness.loop.LoopThread;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The housekeeping H2 does itself when it writes in the background, done for an H2 file database
 * that commits synchronously ({@code WRITE_DELAY=0}, which the durability profile requires and which
 * stops H2's background thread, and with it its compaction). Each commit writes a chunk of its
 * changed pages (about 60 KB for a baseline order); the next commits make all but about 1 % of it
 * obsolete, and a chunk is freed only when none of it is live. Without compaction no chunk is ever
 * freed: the file grew to 3.4 GB after 50,000 baseline orders and kept growing (with it, and a freed
 * chunk's space reused after 5 s: 541 MB).
 * Every half second this rewrites the live pages of the emptiest chunks (H2's own target: 90 %
 * filled, at most 8 MB at a time). Durability is untouched: it moves committed data under H2's store
 * lock. It is the database's own work, not the implementation's: it calls the store, no statement,
 * so no round trip is counted.
 */
public final class H2Housekeeping implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);
    /** H2's own auto-compact fill rate, in percent. */
    static final int TARGET_FILL_RATE = 90;
    private static final int MOST_BYTES_PER_ROUND = 8 * 1024 * 1024;
    private static final Duration ROUND = Duration.ofMillis(500);

    private final String name;
    private final MVStore store;
    private final LoopThread loop;

    private H2Housekeeping(String name, MVStore store) {
        this.name = name;
        this.store = store;
        this.loop = new LoopThread("txlab-h2-housekeeping-" + name, this::round);
    }

    /** Starts housekeeping for the H2 database behind {@code pool} (plain, not decorated). */
    public static H2Housekeeping start(String name, DataSource pool) {
        try (Connection connection = pool.getConnection()) {
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            H2Housekeeping housekeeping = new H2Housekeeping(name, session.getDatabase().getStore().getMvStore());
            housekeeping.loop.start();
            return housekeeping;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the H2 store of " + name + " for its housekeeping", e);
        }
    }

    private void round() throws InterruptedException {
        if (store.isClosed()) {
            loop.finish();
            return;
        }
        try {
            store.compact(TARGET_FILL_RATE, MOST_BYTES_PER_ROUND);
        } catch (RuntimeException e) {
            if (store.isClosed()) {
                loop.finish();
                return;
            }
            LOG.warn("housekeeping of H2 database {} failed and carries on: {}", name, e.toString());
        }
        loop.pause(ROUND);
    }

    /** Stops after the round in progress (a {@link LoopThread}: never by an interrupt while it compacts). */
    @Override
    public void close() {
        loop.close();
    }
}
