package dev.txlab.report;

import dev.txlab.harness.placement.ImplementationId;

/** What each implementation promises about one order, in the words of the report's answer table. */
public final class Guarantees {
    private Guarantees() {
    }

    public static String of(ImplementationId id) {
        return switch (id) {
            case LOCAL_BASELINE -> "atomic + isolated (one local transaction, one database)";
            case XA_NARAYANA, XA_ATOMIKOS -> "atomic + isolated per database (2PC; phase 2 visible across databases)";
            case SAGA_CHOREO, SAGA_ORCH -> "atomic eventually (compensation); not isolated";
        };
    }
}
