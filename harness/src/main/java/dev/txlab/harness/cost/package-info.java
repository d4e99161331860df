/**
 * What a run costs per order besides its outcome: round trips and commits per kind (fed by the
 * store decorator) and messages sent, delivered, redelivered and dead-lettered.
 */
package dev.txlab.harness.cost;
