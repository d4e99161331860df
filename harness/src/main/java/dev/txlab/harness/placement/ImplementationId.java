package dev.txlab.harness.placement;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The stable ids of the implementations compared by txlab, and how each coordinates. */
public enum ImplementationId {
    LOCAL_BASELINE("local-baseline", Coordination.LOCAL_TRANSACTION),
    XA_NARAYANA("xa-narayana", Coordination.XA),
    XA_ATOMIKOS("xa-atomikos", Coordination.XA),
    SAGA_CHOREO("saga-choreo", Coordination.SAGA),
    SAGA_ORCH("saga-orch", Coordination.SAGA);

    /** How an implementation coordinates: what it runs on besides the databases. */
    public enum Coordination {
        /** One local transaction on one database. */
        LOCAL_TRANSACTION,
        /** A transaction manager and XA branches on every database. */
        XA,
        /** Local transactions and a message broker. */
        SAGA
    }

    private final String id;
    private final Coordination coordination;

    ImplementationId(String id, Coordination coordination) {
        this.id = id;
        this.coordination = coordination;
    }

    public String id() {
        return id;
    }

    public Coordination coordination() {
        return coordination;
    }

    public static ImplementationId parse(String text) {
        for (ImplementationId implementation : values()) {
            if (implementation.id.equals(text.trim())) {
                return implementation;
            }
        }
        throw new IllegalArgumentException("unknown implementation '" + text + "'; expected one of "
                + Arrays.stream(values()).map(ImplementationId::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
