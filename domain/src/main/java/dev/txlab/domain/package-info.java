/**
 * The shared order domain of txlab: the "place an order" transaction of the MallBots create-order
 * flow, written once and run by every implementation. Sub-packages hold the model, the four
 * participant services (each operation takes the JDBC {@link java.sql.Connection} it runs on), the
 * stores, the seeded workload, the consistency audit, the fault plan and the local baseline.
 */
package dev.txlab.domain;
