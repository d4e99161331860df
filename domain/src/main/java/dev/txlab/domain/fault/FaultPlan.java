package dev.txlab.domain.fault;

import java.util.Optional;

/**
 * What goes wrong in a run, and where. Business refusals come from the workload's rates; this plan
 * names the crash: a point and on which hit of it the process halts. Message faults and outages
 * join the plan with the messaging and scenario issues.
 */
public record FaultPlan(Optional<CrashPoint> crashPoint, int crashOnHit) {
    public static final FaultPlan NONE = new FaultPlan(Optional.empty(), 1);

    public FaultPlan {
        if (crashOnHit < 1) {
            throw new IllegalArgumentException("the crash hit must be at least 1, was " + crashOnHit);
        }
    }

    public static FaultPlan crashAt(CrashPoint point, int onHit) {
        return new FaultPlan(Optional.of(point), onHit);
    }

    /** Parses {@code POINT} or {@code POINT@N} (halt on the N-th hit of the point). */
    public static FaultPlan parseCrash(String text) {
        String[] parts = text.split("@", 2);
        int hit = 1;
        if (parts.length == 2) {
            try {
                hit = Integer.parseInt(parts[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid crash '" + text + "'; expected POINT or POINT@N with N >= 1", e);
            }
        }
        return crashAt(CrashPoint.parse(parts[0]), hit);
    }
}
