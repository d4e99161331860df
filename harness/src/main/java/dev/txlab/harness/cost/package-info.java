/**
 * What a run costs per order besides its outcome: round trips and commits per kind (fed by the
 * store decorator), messages sent, delivered, redelivered and dead-lettered, and forced writes per
 * component (counted by strace attached to the JVM and the local servers: {@link
 * dev.txlab.harness.cost.ForcedWriteTrace}).
 */
package dev.txlab.harness.cost;
