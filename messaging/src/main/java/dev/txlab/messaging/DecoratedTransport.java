package dev.txlab.messaging;

import dev.txlab.messaging.spi.MessageHandler;
import dev.txlab.messaging.spi.Subscription;
import dev.txlab.messaging.spi.Transport;
import dev.txlab.messaging.spi.TransportInterceptor;

import java.util.List;

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
        target.publishAll(messages);
        for (Outgoing outgoing : messages) {
            for (TransportInterceptor interceptor : interceptors) {
                interceptor.published(outgoing.destination(), outgoing.message());
            }
        }
    }

    @Override
    public Subscription subscribe(String destination, String group, int consumers, MessageHandler handler) {
        return target.subscribe(destination, group, consumers, new MessageHandler() {
            @Override
            public void handle(Message message) throws Exception {
                deliver(destination, group, message, handler);
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

    private void deliver(String destination, String group, Message message, MessageHandler handler) throws Exception {
        TransportInterceptor.Delivery delivery = TransportInterceptor.Delivery.HANDLE;
        for (TransportInterceptor interceptor : interceptors) {
            TransportInterceptor.Delivery asked = interceptor.delivering(destination, group, message);
            delivery = asked == TransportInterceptor.Delivery.HANDLE ? delivery : asked;
        }
        try {
            switch (delivery) {
                case DROP_BEFORE_ACK -> throw new DroppedDeliveryException(message);
                case DUPLICATE -> {
                    handler.handle(message);
                    handler.handle(message);
                }
                case HANDLE -> handler.handle(message);
            }
        } catch (Exception e) {
            for (TransportInterceptor interceptor : interceptors) {
                interceptor.failed(destination, group, message, e);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        target.close();
    }
}
