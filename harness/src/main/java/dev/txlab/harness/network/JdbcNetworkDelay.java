package dev.txlab.harness.network;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.store.spi.JdbcInterceptor;
import dev.txlab.harness.store.spi.RoundTrip;

/**
 * The network model at the store decorator point: every JDBC round trip (statement, commit,
 * rollback, XA start/end/prepare/commit/rollback/recover) waits the request's and the response's
 * one-way delay on the calling thread.
 */
public final class JdbcNetworkDelay implements JdbcInterceptor {
    private final long roundTripNanos;
    private final SimulatedDelay delay = new SimulatedDelay();

    public JdbcNetworkDelay(NetworkProfile network) {
        this.roundTripNanos = network.oneWay().toNanos() * 2;
    }

    @Override
    public void beforeRoundTrip(ServiceName service, RoundTrip kind) {
        delay.await(roundTripNanos);
    }

    /** The delays added per round trip, achieved (requested: twice the one-way delay). */
    public SimulatedDelay.Achieved achieved() {
        return delay.achieved();
    }
}
