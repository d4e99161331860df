/**
 * What a run records besides outcomes: cost counters per round-trip kind (fed by the store
 * decorator) and the step trace of sampled orders (which service did which step, when).
 */
package dev.txlab.domain.trace;
