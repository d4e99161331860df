package dev.txlab.domain.placement.spi;

import dev.txlab.domain.fault.CrashPoints;
import dev.txlab.domain.fault.FaultPlan;
import dev.txlab.domain.network.NetworkProfile;
import dev.txlab.domain.placement.TmSettings;
import dev.txlab.domain.placement.TransportSettings;
import dev.txlab.domain.store.Stores;
import dev.txlab.domain.trace.StepTrace;

import java.time.Clock;

/**
 * What an implementation is built from: the open stores, a clock, the run's fault plan and its armed
 * crash points, the trace, the number of concurrent callers (pool sizes follow it), the transaction
 * manager's settings, the transport's, the simulated network (the JDBC part is already in the
 * stores; message hops are the implementation's to delay), and whether this is a fresh run (false: a recovery that must
 * keep what the killed run left in its logs and brokers).
 */
public record PlacementContext(Stores stores, Clock clock, FaultPlan faults, CrashPoints crashPoints, StepTrace trace,
                               int concurrency, TmSettings tm, TransportSettings transport, NetworkProfile network,
                               boolean fresh) {
}
