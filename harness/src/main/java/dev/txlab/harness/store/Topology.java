package dev.txlab.harness.store;

/** How the services map onto databases. */
public enum Topology {
    /** Each service owns its own database (every distributed implementation). */
    DATABASE_PER_SERVICE,
    /** All four services' tables in the orders database (the local baseline). */
    SINGLE_DATABASE
}
