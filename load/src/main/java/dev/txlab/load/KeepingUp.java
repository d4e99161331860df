package dev.txlab.load;

/**
 * Whether an open loop's system kept up with its schedule: the orders issued on the schedule, how
 * many of them reached an outcome no later than the loop's maximum lag after the schedule ended
 * (not by its end: an order issued just before the end takes its latency, so a slow but steady
 * system would look behind by latency / window), and the orders in flight (issued, no outcome yet)
 * at the schedule's middle and at its end (each the fewest seen over a short span before it, so a
 * brief pause does not count). A system that keeps up finishes nearly everything it
 * was offered and holds a steady number in flight (Little's law); one that does not falls behind by
 * the difference between the rate and what it can do, so the number in flight grows.
 */
public record KeepingUp(int issued, int completedInTime, int inFlightAtMiddle, int inFlightAtEnd) {
    /** The share of the issued orders that reached an outcome in time, 0 to 1. */
    public double completedShare() {
        return issued == 0 ? 0 : (double) completedInTime / issued;
    }

    /** How many more orders were in flight at the end than at the middle (negative: fewer). */
    public int inFlightGrowth() {
        return inFlightAtEnd - inFlightAtMiddle;
    }
}
