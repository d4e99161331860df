package dev.txlab.harness.fault;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The named points of each protocol where a run can be made to crash. */
public enum CrashPoint {
    /** local-baseline: all writes done, before the local commit. */
    BASELINE_BEFORE_COMMIT,
    /** local-baseline: after the local commit, before the caller learns the outcome. */
    BASELINE_AFTER_COMMIT,
    /** 2PC: every participant prepared, the commit decision not yet logged. */
    XA_AFTER_ALL_PREPARES,
    /** 2PC: the commit decision logged, no participant committed yet. */
    XA_AFTER_COMMIT_DECISION,
    /** 2PC: the first participant committed in phase 2, the others not yet. */
    XA_AFTER_FIRST_PHASE2_COMMIT,
    /** Sagas: a handler's local transaction committed, its outbox rows not yet published. */
    SAGA_AFTER_LOCAL_COMMIT_BEFORE_PUBLISH,
    /**
     * saga-choreo with event-sourced orders: the orders service's events committed in its event store
     * (its outbox there), not yet published.
     */
    EVENT_APPENDED_BEFORE_PUBLISH,
    /**
     * Event-sourced orders: an append of the orders service found its version taken by another writer
     * (its transaction is then retried from the replay).
     */
    EVENT_VERSION_CONFLICT,
    /**
     * Event-sourced orders: a projection batch applied to the read models and its events not yet
     * marked projected, nothing committed.
     */
    READ_MODEL_MID_BATCH,
    /** Sagas: outbox rows published, not yet marked published. */
    SAGA_AFTER_PUBLISH_BEFORE_MARK,
    /** Sagas: a consumer's local transaction (inbox, state, outbox) committed, its delivery not yet acknowledged. */
    SAGA_AFTER_CONSUMER_COMMIT_BEFORE_ACK,
    /**
     * Sagas: a consumer's batch of two or more deliveries, handled in one local transaction, has the
     * first delivery's statements done and the others' not yet, nothing committed (it fires only in
     * such a batch, so firing proves the batch held at least two).
     */
    SAGA_MID_BATCH,
    /** Sagas: some compensations done, others not yet. */
    SAGA_MID_COMPENSATION;

    public static CrashPoint parse(String text) {
        for (CrashPoint point : values()) {
            if (point.name().equalsIgnoreCase(text.trim().replace('-', '_'))) {
                return point;
            }
        }
        throw new IllegalArgumentException("unknown crash point '" + text + "'; expected one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
