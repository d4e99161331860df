package dev.txlab.messaging.spi;

/** A running subscription; closing it stops deliveries (unacknowledged messages stay on the broker). */
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
