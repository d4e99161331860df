package dev.txlab.messaging;

import dev.txlab.messaging.spi.TransportInterceptor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Message faults of a run's fault plan, applied at the transport decorator point: duplicate a
 * delivery, drop one before its ack (it comes again), and a broker outage (publishes fail and
 * nothing is delivered from {@code outageStart} for {@code outageLength}; the outbox keeps what
 * could not be sent). Seeded: the same seed gives the same faults for the same sequence of calls.
 */
public final class MessageFaults implements TransportInterceptor {
    private final double duplicateRate;
    private final double dropRate;
    private final Instant outageStart;
    private final Duration outageLength;
    private final Clock clock;
    private final SplittableRandom random;

    public MessageFaults(double duplicateRate, double dropRate, Instant outageStart, Duration outageLength,
                         Clock clock, long seed) {
        if (duplicateRate < 0 || dropRate < 0 || duplicateRate + dropRate > 1) {
            throw new IllegalArgumentException("duplicate and drop rates must be >= 0 and add up to at most 1, were "
                    + duplicateRate + " and " + dropRate);
        }
        this.duplicateRate = duplicateRate;
        this.dropRate = dropRate;
        this.outageStart = Objects.requireNonNull(outageStart, "outageStart");
        this.outageLength = Objects.requireNonNull(outageLength, "outageLength");
        this.clock = clock;
        this.random = new SplittableRandom(seed);
    }

    /** Only duplicates and drops, no outage. */
    public static MessageFaults deliveries(double duplicateRate, double dropRate, Clock clock, long seed) {
        return new MessageFaults(duplicateRate, dropRate, Instant.EPOCH, Duration.ZERO, clock, seed);
    }

    private boolean brokerDown() {
        Instant now = clock.instant();
        return !now.isBefore(outageStart) && now.isBefore(outageStart.plus(outageLength));
    }

    @Override
    public void publishing(String destination, Message message) {
        if (brokerDown()) {
            throw new IllegalStateException("broker unavailable (fault plan): cannot publish " + message.messageId());
        }
    }

    @Override
    public Delivery delivering(String destination, String group, Message message) {
        if (brokerDown()) {
            throw new IllegalStateException("broker unavailable (fault plan): delivery of " + message.messageId()
                    + " fails");
        }
        double draw;
        synchronized (random) {
            draw = random.nextDouble();
        }
        if (draw < dropRate) {
            return Delivery.DROP_BEFORE_ACK;
        }
        return draw < dropRate + duplicateRate ? Delivery.DUPLICATE : Delivery.HANDLE;
    }
}
