package dev.txlab.cli;

import dev.txlab.bench.compare.SweepProgress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;

/** The comparison's progress bar: one step per load phase, the current implementation and phase beside it. */
final class CompareProgress implements SweepProgress, AutoCloseable {
    private final ProgressBar bar;
    private final int phasesPerRun;
    private long runsEnd;

    private CompareProgress(ProgressBar bar, int phasesPerRun) {
        this.bar = bar;
        this.phasesPerRun = phasesPerRun;
    }

    /** A bar drawn on {@code terminal}, or none when it is null. */
    static CompareProgress start(PrintStream terminal, int runs, int phasesPerRun) {
        return new CompareProgress(terminal != null ? new ProgressBarBuilder().setTaskName("compare")
                .setInitialMax((long) runs * phasesPerRun).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500).continuousUpdate()
                .setConsumer(new ConsoleProgressBarConsumer(terminal)).build() : null, phasesPerRun);
    }

    @Override
    public void phase(String implementation, String phase) {
        if (bar != null) {
            bar.setExtraMessage(implementation + ": " + phase);
            if (bar.getCurrent() < runsEnd + phasesPerRun) {
                bar.step();
            }
        }
    }

    /** A run ended (or failed): the bar moves to the end of its phases. */
    void runDone() {
        runsEnd += phasesPerRun;
        if (bar != null) {
            bar.stepTo(runsEnd);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
