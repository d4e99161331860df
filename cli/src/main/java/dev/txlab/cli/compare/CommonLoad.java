package dev.txlab.cli.compare;

import dev.txlab.report.Figures;
import dev.txlab.report.ImplementationResult;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The common load of a comparison: {@link SweepPlan#COMMON_LOAD} of the slowest implementation's
 * max sustainable rate, the same offered rate for all, so their latencies compare. Known only once
 * every maximum is found; none when an implementation failed or sustained no rate tried (it would
 * have no latency at it, and the others' would not answer the question).
 */
public final class CommonLoad {
    public static final String LABEL = Figures.COMMON_LOAD;

    private CommonLoad() {
    }

    public static OptionalDouble of(List<ImplementationResult> firstPass) {
        boolean everyOneFound = !firstPass.isEmpty() && firstPass.stream().allMatch(result -> result.passed()
                && result.maxRate() != null && result.maxRate().rate() > 0);
        if (!everyOneFound) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(SweepPlan.COMMON_LOAD
                * firstPass.stream().mapToDouble(result -> result.maxRate().rate()).min().orElseThrow());
    }

    /** The label of a fraction of an implementation's own max, e.g. "70 % of own max". */
    public static String ownLabel(double fraction) {
        return Figures.ownMaxLabel(fraction);
    }
}
