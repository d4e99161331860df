package dev.txlab.cli;

import dev.txlab.cli.compare.SweepProgress;

/** The comparison's progress: one step per load phase, the current implementation and phase beside it. */
final class CompareProgress implements SweepProgress, AutoCloseable {
    private final Progress progress;
    private final int phasesPerRun;
    private long done;
    private long runsEnd;

    CompareProgress(Progress progress, int phasesPerRun) {
        this.progress = progress;
        this.phasesPerRun = phasesPerRun;
    }

    @Override
    public synchronized void phase(String implementation, String phase) {
        progress.message(implementation + ": " + phase);
        if (done < runsEnd + phasesPerRun) {
            progress.stepTo(++done);
        }
    }

    /** A run ended (or failed): the count moves to the end of its phases. */
    synchronized void runDone() {
        runsEnd += phasesPerRun;
        done = runsEnd;
        progress.stepTo(done);
    }

    @Override
    public void close() {
        progress.close();
    }
}
