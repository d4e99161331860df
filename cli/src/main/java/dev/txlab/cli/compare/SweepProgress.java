package dev.txlab.cli.compare;

/** Told as a comparison moves on, e.g. to advance a progress bar. */
public interface SweepProgress {
    SweepProgress NONE = (implementation, phase) -> {
    };

    /** A load phase of an implementation's run is about to start, or the run was given up (its phases skipped). */
    void phase(String implementation, String phase);
}
