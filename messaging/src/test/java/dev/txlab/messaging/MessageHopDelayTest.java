package dev.txlab.messaging;

import dev.txlab.harness.network.NetworkProfile;
import dev.txlab.messaging.spi.Transport;
import dev.txlab.messaging.spi.TransportInterceptor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A send waits the one-way delay on the publishing thread, once per batch; deliveries are never held back. */
class MessageHopDelayTest {

    @Test
    void aSendWaitsTheOneWayDelayOncePerBatchAndDeliveriesAreHandedOverAtOnce() {
        MessageHopDelay hops = new MessageHopDelay(NetworkProfile.parse("2ms"));
        Message message = Message.create("OrderCreated", "o1", null, Instant.now(), "{}");
        List<Transport.Outgoing> batch = List.of(new Transport.Outgoing("orders.events", message),
                new Transport.Outgoing("orders.events", message));

        long start = System.nanoTime();
        hops.leaving(batch);

        assertThat(System.nanoTime() - start).as("the first wait has nothing to correct")
                .isGreaterThanOrEqualTo(2_000_000);
        assertThat(hops.achieved().count()).as("one hop per batch sent").isEqualTo(1);
        assertThat(hops.delivering("orders.events", "customers", message))
                .isEqualTo(TransportInterceptor.Delivery.HANDLE);
    }
}
