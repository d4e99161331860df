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
