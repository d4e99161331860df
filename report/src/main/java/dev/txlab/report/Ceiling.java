package dev.txlab.report;

/**
 * What this machine allows one implementation, from the primitives measured alone ({@code txlab
 * calibrate}): the smaller of the CPU ceiling, cores ÷ Σ(count per order × machine CPU per
 * primitive), and the forced-write ceiling, forced writes per second ÷ forced writes per order;
 * {@code limitedBy} names the smaller ("CPU" or "forced writes"). The servers' caps are not in it yet.
 * {@code basis} says which counts and costs it is made of. A measured rate above it means the
 * ceiling is wrong, not that the run is fast.
 */
public record Ceiling(double ordersPerSecond, String limitedBy, double cpuMicrosPerOrder, String basis) {
    public static final String CPU = "CPU";
    public static final String FORCED_WRITES = "forced writes";

    public Ceiling {
        limitedBy = limitedBy == null ? CPU : limitedBy;
    }

    /** The share of the ceiling a measured rate reaches (1.0 = all of it). */
    public double share(double measuredOrdersPerSecond) {
        return measuredOrdersPerSecond / ordersPerSecond;
    }
}
