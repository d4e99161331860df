package dev.txlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How busy the machine was apart from the comparison, as shares of all its cores: the CPU other
 * processes used (everything busy less txlab's own JVM and the local servers its runs use) and the
 * steal time (a hypervisor giving the cores to another guest), over a quiet second before the runs
 * and over the runs. A share is null where {@code /proc} could not be read.
 */
public record MachineLoad(Double otherBefore, Double stealBefore, Double otherDuring, Double stealDuring) {
    /** Other processes' CPU above this share of the machine makes the results suspect. */
    public static final double OTHER_LIMIT = 0.05;
    /** Steal time above this share of the machine makes the results suspect. */
    public static final double STEAL_LIMIT = 0.02;

    /** One warning per share above its limit; none when the machine was quiet. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        warn(warnings, otherBefore, OTHER_LIMIT, "other processes used %.1f %% of the machine's CPU before the runs");
        warn(warnings, otherDuring, OTHER_LIMIT, "other processes used %.1f %% of the machine's CPU during the runs");
        warn(warnings, stealBefore, STEAL_LIMIT, "steal time was %.1f %% before the runs");
        warn(warnings, stealDuring, STEAL_LIMIT, "steal time was %.1f %% during the runs");
        return warnings;
    }

    /** The four shares in one line, with the limits. */
    public String describe() {
        return String.format(Locale.ROOT, "other processes' CPU %s before the runs, %s during them (warned above %.0f "
                        + "%%); steal time %s before, %s during (warned above %.0f %%); shares of all cores, from /proc",
                share(otherBefore), share(otherDuring), 100 * OTHER_LIMIT, share(stealBefore), share(stealDuring),
                100 * STEAL_LIMIT);
    }

    private static void warn(List<String> warnings, Double share, double limit, String format) {
        if (share != null && share > limit) {
            warnings.add(String.format(Locale.ROOT, format, 100 * share) + String.format(Locale.ROOT,
                    " (above %.0f %%)", 100 * limit));
        }
    }

    private static String share(Double value) {
        return value == null ? "not measured" : String.format(Locale.ROOT, "%.1f %%", 100 * value);
    }
}
