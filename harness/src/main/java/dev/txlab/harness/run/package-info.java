/**
 * A run from start to audit: the run record in the orders database, the ledger of acknowledged
 * orders beside the data, and the closed-loop driver that submits a workload with N callers.
 */
package dev.txlab.harness.run;
