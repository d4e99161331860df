package dev.txlab.messaging;

import dev.txlab.harness.placement.Batching;
import dev.txlab.messaging.spi.BatchHandler;
import dev.txlab.messaging.spi.DeliveryResults;
import dev.txlab.messaging.spi.Subscription;
import dev.txlab.messaging.spi.Transport;
import dev.txlab.messaging.spi.TransportInterceptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The one decorator point of the transports: every publish and delivery passes the interceptors, in order. */
public final class DecoratedTransport implements Transport {
    private final Transport target;
    private final List<TransportInterceptor> interceptors;

    public DecoratedTransport(Transport target, List<TransportInterceptor> interceptors) {
        this.target = target;
        this.interceptors = List.copyOf(interceptors);
    }

    @Override
    public void publish(String destination, Message message) {
        for (TransportInterceptor interceptor : interceptors) {
            interceptor.publishing(destination, message);
        }
        for (TransportInterceptor interceptor : interceptors) {
            interceptor.leaving(List.of(new Outgoing(destination, message)));
        }
        target.publish(destination, message);
        for (TransportInterceptor interceptor : interceptors) {
            interceptor.published(destination, message);
        }
    }

    @Override
    public void publishAll(List<Outgoing> messages) {
        for (Outgoing outgoing : messages) {
            for (TransportInterceptor interceptor : interceptors) {
                interceptor.publishing(outgoing.destination(), outgoing.message());
            }
        }
        for (TransportInterceptor interceptor : interceptors) {
            interceptor.leaving(messages);
        }
        target.publishAll(messages);
        for (Outgoing outgoing : messages) {
            for (TransportInterceptor interceptor : interceptors) {
                interceptor.published(outgoing.destination(), outgoing.message());
            }
        }
    }

    @Override
    public Subscription subscribe(String destination, String group, int consumers, Batching batching,
                                  BatchHandler handler) {
        return target.subscribe(destination, group, consumers, batching, new BatchHandler() {
            @Override
            public DeliveryResults handleAll(List<Message> messages) {
                return deliverAll(destination, group, messages, handler);
            }

            @Override
            public void deadLettered(String reason) {
                for (TransportInterceptor interceptor : interceptors) {
                    interceptor.deadLettered(destination, group, reason);
                }
                handler.deadLettered(reason);
            }
        });
    }

    /**
     * Asks the interceptors about each delivery of the batch, hands the handler what they let through
     * (twice what they duplicate), and tells them about every delivery that failed.
     */
    private DeliveryResults deliverAll(String destination, String group, List<Message> messages,
                                       BatchHandler handler) {
        DeliveryResults results = new DeliveryResults(messages);
        List<Message> handed = new ArrayList<>();
        List<Integer> handedFrom = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Optional<Exception> waiting = results.waitingFor(i);
            if (waiting.isPresent()) {
                fail(destination, group, results, i, waiting.get());
                continue;
            }
            TransportInterceptor.Delivery delivery;
            try {
                delivery = delivery(destination, group, messages.get(i));
            } catch (RuntimeException e) {
                fail(destination, group, results, i, e);
                continue;
            }
            int copies = switch (delivery) {
                case DROP_BEFORE_ACK -> 0;
                case HANDLE -> 1;
                case DUPLICATE -> 2;
            };
            if (copies == 0) {
                fail(destination, group, results, i, new DroppedDeliveryException(messages.get(i)));
            }
            for (int copy = 0; copy < copies; copy++) {
                handed.add(messages.get(i));
                handedFrom.add(i);
            }
        }
        if (!handed.isEmpty()) {
            DeliveryResults handling = handler.handleAll(handed);
            for (int j = 0; j < handed.size(); j++) {
                int index = handedFrom.get(j);
                handling.failure(j).ifPresent(failure -> fail(destination, group, results, index, failure));
            }
        }
        return results;
    }

    private TransportInterceptor.Delivery delivery(String destination, String group, Message message) {
        TransportInterceptor.Delivery delivery = TransportInterceptor.Delivery.HANDLE;
        for (TransportInterceptor interceptor : interceptors) {
            TransportInterceptor.Delivery asked = interceptor.delivering(destination, group, message);
            delivery = asked == TransportInterceptor.Delivery.HANDLE ? delivery : asked;
        }
        return delivery;
    }

    private void fail(String destination, String group, DeliveryResults results, int index, Exception failure) {
        if (results.failure(index).isPresent()) {
            return;
        }
        results.failed(index, failure);
        for (TransportInterceptor interceptor : interceptors) {
            interceptor.failed(destination, group, results.message(index), failure);
        }
    }

    @Override
    public void close() {
        target.close();
    }
}
