package dev.txlab.domain.store.spi;

import dev.txlab.domain.service.ServiceName;

/**
 * Sees every round trip to a participant database, on the calling thread, before and after it.
 * Implementations must be thread-safe and cheap: they sit on the hot path of every order.
 */
public interface JdbcInterceptor {
    default void beforeRoundTrip(ServiceName service, RoundTrip kind) {
    }

    default void afterRoundTrip(ServiceName service, RoundTrip kind, long elapsedNanos) {
    }
}
