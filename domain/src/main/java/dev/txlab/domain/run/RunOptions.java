package dev.txlab.domain.run;

import dev.txlab.domain.fault.FaultPlan;
import dev.txlab.domain.network.NetworkProfile;
import dev.txlab.domain.placement.ImplementationId;
import dev.txlab.domain.placement.TmSettings;
import dev.txlab.domain.placement.TransportSettings;
import dev.txlab.domain.store.StoreConfig;
import dev.txlab.domain.workload.WorkloadSpec;

import java.time.Clock;
import java.util.Objects;

/**
 * Everything a run is made of: where, what, how many callers, which faults, which clock, and the
 * settings of its transaction manager, transport and simulated network.
 */
public record RunOptions(StoreConfig store, ImplementationId implementation, WorkloadSpec workload,
                         int concurrency, FaultPlan faults, Clock clock, TmSettings tm, TransportSettings transport,
                         NetworkProfile network) {
    /** Options with the default transaction-manager and transport settings. */
    public RunOptions(StoreConfig store, ImplementationId implementation, WorkloadSpec workload, int concurrency,
                      FaultPlan faults, Clock clock) {
        this(store, implementation, workload, concurrency, faults, clock, TmSettings.ofDefaults(),
                TransportSettings.ofDefaults());
    }

    /** Options without a simulated network. */
    public RunOptions(StoreConfig store, ImplementationId implementation, WorkloadSpec workload, int concurrency,
                      FaultPlan faults, Clock clock, TmSettings tm, TransportSettings transport) {
        this(store, implementation, workload, concurrency, faults, clock, tm, transport, NetworkProfile.NONE);
    }

    public RunOptions {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(implementation, "implementation");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(tm, "tm");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(network, "network");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
    }
}
