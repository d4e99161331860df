package dev.txlab.cli;

import dev.txlab.cli.compare.SweepProgress;

/**
 * The comparison's progress: one step per load phase, the current implementation and phase beside
 * it. Each pass of a run (the first: ladder and search; the second: the loads) has a known number
 * of phases; a pass that ends early (a search that converged, a failed run) moves the count to its end.
 */
final class CompareProgress implements SweepProgress, AutoCloseable {
    private final Progress progress;
    private long done;
    private long passStart;
    private int passPhases;

    CompareProgress(Progress progress) {
        this.progress = progress;
    }

    /** A pass of {@code phases} load phases begins. */
    synchronized void passStarts(int phases) {
        passStart = done;
        passPhases = phases;
    }

    @Override
    public synchronized void phase(String implementation, String phase) {
        progress.message(implementation + ": " + phase);
        if (done < passStart + passPhases) {
            progress.stepTo(++done);
        }
    }

    /** The pass ended (or failed): the count moves to the end of its phases. */
    synchronized void passDone() {
        done = passStart + passPhases;
        progress.stepTo(done);
    }

    @Override
    public void close() {
        progress.close();
    }
}
