package dev.txlab.harness.store.spi;

import dev.txlab.domain.service.ServiceName;

import java.util.Optional;

/**
 * Sees every round trip to a participant database, on the calling thread, before and after it.
 * Implementations must be thread-safe and cheap: they sit on the hot path of every order.
 */
public interface JdbcInterceptor {
    default void beforeRoundTrip(ServiceName service, RoundTrip kind) {
    }

    /** Fault injection: a failure in place of the round trip, which is then not made. None by default. */
    default Optional<InjectedFailure> failureInstead(ServiceName service, RoundTrip kind) {
        return Optional.empty();
    }

    default void afterRoundTrip(ServiceName service, RoundTrip kind, long elapsedNanos) {
    }
}
