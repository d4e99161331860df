package dev.txlab.load;

/**
 * The fewest orders in flight seen during a span of an open loop's schedule: the backlog at that
 * point, without the orders a pause inside the span briefly left waiting. A system that falls behind
 * holds more in flight through the whole span; one that paused for less than the span (a GC, a
 * database forcing its file) does not, and is not judged as falling behind for it.
 */
final class LowestInFlight {
    private final long from;
    private final long until;
    private int lowest = -1;

    /** Watches the span {@code [from, until)} of the schedule, in {@link System#nanoTime()} terms. */
    LowestInFlight(long from, long until) {
        this.from = from;
        this.until = until;
    }

    /** What was in flight at {@code time} on the schedule; counted only inside the span. */
    void saw(long time, int inFlight) {
        if (time >= from && time < until && (lowest < 0 || inFlight < lowest)) {
            lowest = inFlight;
        }
    }

    /** The fewest in flight seen in the span, or {@code otherwise} when the loop never reached it. */
    int orElse(int otherwise) {
        return lowest < 0 ? otherwise : lowest;
    }
}
