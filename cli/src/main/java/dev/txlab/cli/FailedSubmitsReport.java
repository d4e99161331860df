package dev.txlab.cli;

import dev.txlab.harness.fault.FaultPlan;
import dev.txlab.harness.run.SubmitFailures;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Says loudly when submits failed for a reason other than a business refusal or
 * REJECTED(CONCURRENCY): how many, one line per distinct cause, and where the stack traces are.
 * Such a run did not place its orders and is not a result, unless its fault plan made them fail.
 */
final class FailedSubmitsReport {
    private final PrintStream out;
    private final Path logFile;

    FailedSubmitsReport(PrintStream out, Path logFile) {
        this.out = out;
        this.logFile = logFile;
    }

    /** Prints the failures, if any; true when they make the run not a result. */
    boolean print(SubmitFailures failures, int orders, FaultPlan faults) {
        if (failures.count() == 0) {
            return false;
        }
        boolean expected = faults.injectsSubmitFailures();
        out.printf("%s%d of %d submits failed (an infrastructure failure, not a business refusal)%s%n",
                expected ? "" : "NOT A RESULT: ", failures.count(), orders,
                expected ? ", as the run's fault plan intends" : "; the orders were not placed, so the figures above "
                        + "measure a broken run");
        for (Map.Entry<String, Integer> cause : failures.byCause().entrySet()) {
            out.printf("  %d x %s%n", cause.getValue(), cause.getKey());
        }
        out.println("  stack traces: " + logFile.toAbsolutePath());
        return !expected;
    }
}
