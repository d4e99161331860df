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
        target.publish(destination, message);
        for (TransportInterceptor interceptor : interceptors) {
            interceptor.published(destination, message);
        }
    }

    @Override
    public Subscription subscribe(String destination, String group, MessageHandler handler) {
        return target.subscribe(destination, group, message -> {
            for (TransportInterceptor interceptor : interceptors) {
                interceptor.delivering(destination, group, message);
            }
            try {
                handler.handle(message);
            } catch (Exception e) {
                for (TransportInterceptor interceptor : interceptors) {
                    interceptor.failed(destination, group, message, e);
                }
                throw e;
            }
        });
    }

    @Override
    public void close() {
        target.close();
    }
}
