package dev.txlab.harness.store;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of database a service's store can be. */
public enum StoreKind {
    H2_MEM("h2", false),
    H2_FILE("h2-file", false),
    POSTGRES("postgres", true),
    MARIADB("mariadb", true);

    private final String id;
    private final boolean server;

    StoreKind(String id, boolean server) {
        this.id = id;
        this.server = server;
    }

    public String id() {
        return id;
    }

    /** True for a database server reached over the network (PostgreSQL, MariaDB). */
    public boolean isServer() {
        return server;
    }

    /**
     * True where the driver sends a JDBC batch as one request, so that it counts as one round trip:
     * pgjdbc (the batch's statements go out together and the server answers them at one Sync). H2
     * runs each statement of a batch on its own (and a networked H2 sends each); MariaDB Connector/J
     * sends each as a command of its own (pipelined: one request only in its bulk mode, which txlab
     * does not turn on).
     */
    public boolean sendsBatchAsOneRequest() {
        return this == POSTGRES;
    }

    public static StoreKind parse(String text) {
        for (StoreKind kind : values()) {
            if (kind.id.equalsIgnoreCase(text.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown store '" + text + "'; expected one of " + accepted());
    }

    public static String accepted() {
        return Arrays.stream(values()).map(StoreKind::id).collect(Collectors.joining(", "));
    }
}
