package dev.txlab.cli.calibrate;

/**
 * The operations an order's cost is made of, each measured alone: what one operation of each is. A
 * keyed update stands for a service's statement; a commit alone and XA's two phases alone are derived
 * (the insert + commit, or the XA primitive, less the keyed update its insert costs like).
 */
public enum Primitive {
    ROUND_TRIP("JDBC round trip", "SELECT 1 and read the row, inside a transaction"),
    KEYED_UPDATE("keyed update", "UPDATE one row by its primary key, inside a transaction (committed every "
            + JdbcPrimitives.UPDATES_PER_COMMIT + ")"),
    INSERT_COMMIT("insert + commit", "INSERT one row, commit: one local transaction"),
    XA_PREPARE_COMMIT("XA insert + prepare + commit", "XA start, INSERT one row, end, prepare, commit (two phases)"),
    PUBLISH_CONSUME_ACK("persistent publish + consume + ack", "publish confirmed by the broker, delivered, acknowledged"),
    FORCED_WRITE("forced write", "write " + ForcedWritePrimitive.BLOCK_BYTES / 1024 + " KiB to a file in the data "
            + "directory and force it to disk (fdatasync), one writer");

    private final String label;
    private final String operation;

    Primitive(String label, String operation) {
        this.label = label;
        this.operation = operation;
    }

    public String label() {
        return label;
    }

    /** What one operation is. */
    public String operation() {
        return operation;
    }
}
