package dev.txlab.cli.compare;

import dev.txlab.harness.network.NetworkProfile;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.run.RunOptions;

/** Builds the options of one comparison run: the same store, transport and workload for every implementation. */
@FunctionalInterface
public interface RunOptionsFactory {
    RunOptions options(ImplementationId implementation, NetworkProfile network, int callers);
}
