package dev.txlab.messaging;

import dev.txlab.harness.network.NetworkProfile;
import dev.txlab.messaging.spi.TransportInterceptor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each hop is held back once by the one-way delay, per consumer group, and the achieved delay recorded. */
class MessageHopDelayTest {

    @Test
    void holdsEachHopBackOnceThenHandsItOver() {
        MessageHopDelay hops = new MessageHopDelay(NetworkProfile.parse("2ms"));
        Message message = Message.create("OrderCreated", "o1", null, Instant.now(), "{}");

        assertThatThrownBy(() -> hops.delivering("orders.events", "customers", message))
                .isInstanceOfSatisfying(DeferredDeliveryException.class,
                        held -> assertThat(held.delay()).isEqualTo(Duration.ofMillis(2)));
        assertThatThrownBy(() -> hops.delivering("orders.events", "depot", message))
                .as("another group's hop is delayed too").isInstanceOf(DeferredDeliveryException.class);

        assertThat(hops.delivering("orders.events", "customers", message))
                .isEqualTo(TransportInterceptor.Delivery.HANDLE);
        assertThat(hops.achieved().count()).isEqualTo(1);
    }
}
