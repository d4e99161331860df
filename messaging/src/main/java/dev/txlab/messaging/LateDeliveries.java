package dev.txlab.messaging;

import dev.txlab.harness.fault.FaultPlan;
import dev.txlab.messaging.spi.TransportInterceptor;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fault plan's late delivery, at the transport decorator point: of the messages of one type,
 * the first delivery of each saga's first one (per consumer group) is held back for a while without
 * blocking the consumer; when it comes again it is handled. A message sent again meanwhile (the
 * orchestrator's command after its reply timeout) is not held back, overtakes it, and the first
 * one arrives late.
 */
public final class LateDeliveries implements TransportInterceptor {
    private final FaultPlan.LateDelivery late;
    private final Set<String> heldBack = ConcurrentHashMap.newKeySet();
    private final Set<String> awaited = ConcurrentHashMap.newKeySet();

    public LateDeliveries(FaultPlan.LateDelivery late) {
        this.late = Objects.requireNonNull(late, "late");
    }

    /** Deliveries held back so far (one per saga and consumer group). */
    public long heldBack() {
        return heldBack.size();
    }

    /** Held-back deliveries that have not come again yet: the run is not quiescent while one is on its way. */
    public long awaited() {
        return awaited.size();
    }

    @Override
    public Delivery delivering(String destination, String group, Message message) {
        if (!late.messageType().equals(message.type())) {
            return Delivery.HANDLE;
        }
        String delivery = group + "|" + message.messageId();
        if (awaited.remove(delivery)) {
            return Delivery.HANDLE;
        }
        if (heldBack.add(group + "|" + message.correlationId())) {
            awaited.add(delivery);
            throw new DeferredDeliveryException(message, late.holdBack());
        }
        return Delivery.HANDLE;
    }
}
