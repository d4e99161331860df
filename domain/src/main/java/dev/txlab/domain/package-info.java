/**
 * The shared order domain of txlab: the "place an order" transaction of the MallBots create-order
 * flow, written once and run by every implementation. Sub-packages hold the model, the four
 * participant services (each operation takes the JDBC {@link java.sql.Connection} it runs on; their
 * Flyway migrations are under {@code db/migration/<service>}), the one step table of the flow and
 * the step trace it records. Everything that runs, stores, measures or breaks it is in the harness.
 */
package dev.txlab.domain;
