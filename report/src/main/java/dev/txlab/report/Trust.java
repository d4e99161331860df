package dev.txlab.report;

import dev.txlab.report.ImplementationResult.ThroughputPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What makes a comparison's figures suspect, to be shown above them: a machine busy with other work
 * during the runs ({@link MachineLoad}), and timed iterations that vary by more than
 * {@value #ITERATION_SPREAD_LIMIT} of their mean (coefficient of variation) at an implementation's
 * best level, which widens its intervals, or fresh runs whose figures vary by more than
 * {@link RunToRun#SPREAD_LIMIT}.
 */
public final class Trust {
    public static final double ITERATION_SPREAD_LIMIT = 0.10;

    private Trust() {
    }

    public static List<String> warnings(Results results) {
        List<String> warnings = new ArrayList<>();
        MachineLoad load = results.method().machineLoad();
        if (load != null) {
            warnings.addAll(load.warnings());
        }
        for (ImplementationResult result : results.implementations()) {
            result.maxThroughput().filter(best -> best.mean() > 0 && variation(best) > ITERATION_SPREAD_LIMIT)
                    .ifPresent(best -> warnings.add(String.format(Locale.ROOT, "%s (network %s): its %d timed "
                                    + "iterations at %d callers vary by %.0f %% of their mean (above %.0f %%)",
                            result.implementation(), result.network(), best.iterations().size(), best.threads(),
                            100 * variation(best), 100 * ITERATION_SPREAD_LIMIT)));
        }
        for (RunToRun runs : results.runToRun()) {
            if (runs.variation() > RunToRun.SPREAD_LIMIT) {
                warnings.add(String.format(Locale.ROOT, "%s (network %s): its %s: they vary by more than %.0f %% of "
                        + "their mean", runs.implementation(), runs.network(), runs.describe(),
                        100 * RunToRun.SPREAD_LIMIT));
            }
        }
        return warnings;
    }

    private static double variation(ThroughputPoint point) {
        return point.stdDev() / point.mean();
    }
}
