package dev.txlab.domain.placement.spi;

import dev.txlab.domain.fault.CrashPoints;
import dev.txlab.domain.placement.TmSettings;
import dev.txlab.domain.store.Stores;
import dev.txlab.domain.trace.StepTrace;

import java.time.Clock;

/**
 * What an implementation is built from: the open stores, a clock, the armed crash points, the trace,
 * the number of concurrent callers (pool sizes follow it) and the transaction manager's settings.
 */
public record PlacementContext(Stores stores, Clock clock, CrashPoints crashPoints, StepTrace trace,
                               int concurrency, TmSettings tm) {
}
