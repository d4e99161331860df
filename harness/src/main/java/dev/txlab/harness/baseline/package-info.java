/**
 * {@code local-baseline}: all four services' tables in one database and one local transaction per
 * order running the same operations: the cost floor every other implementation is compared with.
 */
package dev.txlab.harness.baseline;
