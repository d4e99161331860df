package dev.txlab.bench.compare;

import dev.txlab.domain.network.NetworkProfile;
import dev.txlab.domain.placement.ImplementationId;
import dev.txlab.domain.run.RunOptions;

/** Builds the options of one comparison run: the same store, transport and workload for every implementation. */
@FunctionalInterface
public interface RunOptionsFactory {
    RunOptions options(ImplementationId implementation, NetworkProfile network, int callers);
}
