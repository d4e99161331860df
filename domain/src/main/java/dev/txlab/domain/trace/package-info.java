/**
 * The step trace of sampled orders: which service did which step of the flow, from when to when.
 * The flow records it; the harness and the report read it.
 */
package dev.txlab.domain.trace;
