package dev.txlab.load;

import dev.txlab.harness.run.Run;

/** A timed phase ran out of orders: the workload was sized too small for the phase's length and rate. */
public final class WorkloadExhaustedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    WorkloadExhaustedException(Run run) {
        super("the workload's " + run.workload().size() + " orders were used up before the phase's time was; "
                + "size the workload (orders) for the longest phase at the highest rate");
    }
}
