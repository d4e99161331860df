package dev.txlab.report;

/**
 * What this machine allows one implementation, from the primitives measured alone ({@code txlab
 * calibrate}): the CPU ceiling, cores ÷ Σ(count per order × machine CPU per primitive). The
 * forced-write ceiling and the servers' caps are not in it yet. {@code basis} says which counts and
 * costs it is made of. A measured rate above it means the ceiling is wrong, not that the run is fast.
 */
public record Ceiling(double ordersPerSecond, double cpuMicrosPerOrder, String basis) {

    /** The share of the ceiling a measured rate reaches (1.0 = all of it). */
    public double share(double measuredOrdersPerSecond) {
        return measuredOrdersPerSecond / ordersPerSecond;
    }
}
