package dev.txlab.cli.calibrate;

import dev.txlab.harness.placement.Batching;
import dev.txlab.messaging.Message;
import dev.txlab.messaging.spi.BatchHandler;
import dev.txlab.messaging.spi.Subscription;
import dev.txlab.messaging.spi.Transport;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A persistent publish, its delivery and its acknowledgement on the run's broker: batches of
 * {@value #BATCH} messages published together (each confirmed by the broker before the batch
 * returns, as the relay publishes), consumed as the run's consumers take them (its batching: the
 * acknowledgements of a batch taken together go to the broker together), each batch awaited until
 * all of it was delivered and handled.
 */
final class MessagePrimitive {
    static final int BATCH = 32;
    private static final String DESTINATION = "calibration";
    private static final long DELIVERY_TIMEOUT_SECONDS = 30;

    private MessagePrimitive() {
    }

    static Measurement measure(Calibration calibration, Transport transport, Batching batching, String target)
            throws Exception {
        Semaphore handled = new Semaphore(0);
        Clock clock = Clock.systemUTC();
        try (Subscription ignored = transport.subscribe(DESTINATION, "calibration", 1, batching,
                BatchHandler.oneByOne(message -> handled.release()))) {
            long[] sequence = {0};
            return calibration.measure(Primitive.PUBLISH_CONSUME_ACK, target, () -> {
                List<Transport.Outgoing> batch = new ArrayList<>(BATCH);
                for (int i = 0; i < BATCH; i++) {
                    String id = "c" + sequence[0]++;
                    batch.add(new Transport.Outgoing(DESTINATION,
                            Message.create("Calibration", id, id, clock.instant(), "{}")));
                }
                transport.publishAll(batch);
                if (!handled.tryAcquire(BATCH, DELIVERY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the broker did not deliver a batch of " + BATCH
                            + " calibration messages within " + DELIVERY_TIMEOUT_SECONDS + " s");
                }
                return BATCH;
            });
        }
    }
}
