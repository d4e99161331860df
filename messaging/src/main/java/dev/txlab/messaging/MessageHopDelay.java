package dev.txlab.messaging;

import dev.txlab.harness.network.NetworkProfile;
import dev.txlab.harness.network.SimulatedDelay;
import dev.txlab.messaging.spi.TransportInterceptor;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The network model at the transport decorator point: each message hop (one delivery to a consumer
 * group) comes the one-way delay later. The first delivery is held back (never blocking a consumer
 * thread: {@link DeferredDeliveryException}); when it comes again the delay achieved is recorded.
 */
public final class MessageHopDelay implements TransportInterceptor {
    private final Duration oneWay;
    private final Map<String, Long> heldSince = new ConcurrentHashMap<>();
    private final SimulatedDelay delay = new SimulatedDelay();

    public MessageHopDelay(NetworkProfile network) {
        this.oneWay = network.oneWay();
    }

    @Override
    public Delivery delivering(String destination, String group, Message message) {
        String hop = destination + "|" + group + "|" + message.messageId();
        Long since = heldSince.remove(hop);
        if (since != null) {
            delay.record(System.nanoTime() - since);
            return Delivery.HANDLE;
        }
        heldSince.put(hop, System.nanoTime());
        throw new DeferredDeliveryException(message, oneWay);
    }

    /** The delays added per hop, achieved (requested: the one-way delay). */
    public SimulatedDelay.Achieved achieved() {
        return delay.achieved();
    }
}
