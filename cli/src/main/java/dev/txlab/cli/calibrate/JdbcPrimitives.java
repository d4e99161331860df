package dev.txlab.cli.calibrate;

import javax.sql.DataSource;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database primitives on one database, on one connection each, without the decorator (no
 * counters, no simulated network): a round trip, an insert + commit, a keyed update (of the rows the
 * inserts left), an XA insert + prepare + commit.
 */
final class JdbcPrimitives {
    static final String TABLE = "txlab_calibration";
    static final int UPDATES_PER_COMMIT = 100;
    private static final int XID_FORMAT = 0x74786362;

    private final Calibration calibration;
    private final String target;
    private final AtomicLong ids = new AtomicLong();

    JdbcPrimitives(Calibration calibration, String target) {
        this.calibration = calibration;
        this.target = target;
    }

    List<Measurement> measure(DataSource dataSource, XADataSource xaDataSource) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement create = connection.createStatement()) {
            connection.setAutoCommit(true);
            create.execute("CREATE TABLE " + TABLE + " (id BIGINT PRIMARY KEY, note VARCHAR(40))");
        }
        Measurement roundTrip = roundTrip(dataSource);
        Measurement insertCommit = insertCommit(dataSource);
        return List.of(roundTrip, insertCommit, keyedUpdate(dataSource), xaPrepareCommit(xaDataSource));
    }

    private Measurement roundTrip(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT 1")) {
            connection.setAutoCommit(false);
            Measurement measurement = calibration.measure(Primitive.ROUND_TRIP, target, () -> {
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                }
                return 1;
            });
            connection.rollback();
            return measurement;
        }
    }

    private Measurement insertCommit(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(insertSql())) {
            connection.setAutoCommit(false);
            return calibration.measure(Primitive.INSERT_COMMIT, target, () -> {
                bind(insert).executeUpdate();
                connection.commit();
                return 1;
            });
        }
    }

    /** Updates the rows the inserts left, one by its key at a time, cycling; commits every {@value #UPDATES_PER_COMMIT}. */
    private Measurement keyedUpdate(DataSource dataSource) throws Exception {
        long rows = ids.get();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE + " SET note = ? WHERE id = ?")) {
            connection.setAutoCommit(false);
            long[] done = {0};
            Measurement measurement = calibration.measure(Primitive.KEYED_UPDATE, target, () -> {
                update.setString(1, "updated");
                update.setLong(2, 1 + done[0] % rows);
                update.executeUpdate();
                if (++done[0] % UPDATES_PER_COMMIT == 0) {
                    connection.commit();
                }
                return 1;
            });
            connection.commit();
            return measurement;
        }
    }

    private Measurement xaPrepareCommit(XADataSource xaDataSource) throws Exception {
        XAConnection xaConnection = xaDataSource.getXAConnection();
        try (Connection connection = xaConnection.getConnection();
             PreparedStatement insert = connection.prepareStatement(insertSql())) {
            XAResource resource = xaConnection.getXAResource();
            return calibration.measure(Primitive.XA_PREPARE_COMMIT, target, () -> {
                Xid xid = new CalibrationXid(ids.incrementAndGet());
                resource.start(xid, XAResource.TMNOFLAGS);
                bind(insert).executeUpdate();
                resource.end(xid, XAResource.TMSUCCESS);
                resource.prepare(xid);
                resource.commit(xid, false);
                return 1;
            });
        } catch (XAException | SQLException e) {
            return Measurement.notMeasured(Primitive.XA_PREPARE_COMMIT, target, reason(e));
        } finally {
            xaConnection.close();
        }
    }

    private static String insertSql() {
        return "INSERT INTO " + TABLE + " (id, note) VALUES (?, ?)";
    }

    private PreparedStatement bind(PreparedStatement insert) throws SQLException {
        insert.setLong(1, ids.incrementAndGet());
        insert.setString(2, "calibration");
        return insert;
    }

    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        if (e instanceof XAException xa) {
            message = "XA error code " + xa.errorCode + (cause != e ? ": " + message : "");
        }
        return message.lines().findFirst().orElse(message);
    }

    /** A branch id of the calibration's own, never one of a run's. */
    private record CalibrationXid(long id) implements Xid {
        @Override
        public int getFormatId() {
            return XID_FORMAT;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return ("txlab-calibrate-" + id).getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public byte[] getBranchQualifier() {
            return new byte[] {1};
        }
    }
}
