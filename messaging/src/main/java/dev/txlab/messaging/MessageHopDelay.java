package dev.txlab.messaging;

import dev.txlab.harness.network.NetworkProfile;
import dev.txlab.harness.network.SimulatedDelay;
import dev.txlab.messaging.spi.Transport;
import dev.txlab.messaging.spi.TransportInterceptor;

import java.util.List;

/**
 * The network model at the transport decorator point: a message reaches its consumers the one-way
 * delay after it was sent. The publishing thread waits that delay before the send (once per relay
 * batch: a batch travels together), with {@link SimulatedDelay}'s timer, so the delay added is the
 * one requested (a delivery held back through the broker's scheduled redelivery instead came back
 * many times later, behind the consumer's queue). Every group subscribed gets the message at once:
 * one hop per send.
 */
public final class MessageHopDelay implements TransportInterceptor {
    private final long oneWayNanos;
    private final SimulatedDelay delay;

    public MessageHopDelay(NetworkProfile network) {
        this(network, new SimulatedDelay());
    }

    MessageHopDelay(NetworkProfile network, SimulatedDelay delay) {
        this.oneWayNanos = network.oneWay().toNanos();
        this.delay = delay;
    }

    @Override
    public void leaving(List<Transport.Outgoing> messages) {
        delay.await(oneWayNanos);
    }

    /** The delays added per send, achieved (requested: the one-way delay). */
    public SimulatedDelay.Achieved achieved() {
        return delay.achieved();
    }
}
