package dev.txlab.scenarios;

import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.store.StoreConfig;

import java.time.Clock;
import java.util.Optional;

/** A scenario's own check after recovery, beyond the audit (e.g. "the order in doubt was rolled back"). */
@FunctionalInterface
public interface OrderCheck {
    OrderCheck NONE = (store, implementation, clock) -> Optional.empty();

    /** Empty when the outcome is as expected; otherwise what differs. */
    Optional<String> disagreement(StoreConfig store, ImplementationId implementation, Clock clock) throws Exception;
}
