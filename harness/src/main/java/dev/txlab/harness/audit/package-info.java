/**
 * The consistency audit: reads the four services' databases and the ledger of acknowledged orders
 * and reports every violation of the invariants I0-I6 of docs/design.md, order by order, with totals.
 */
package dev.txlab.harness.audit;
