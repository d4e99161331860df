package dev.txlab.messaging;

import dev.txlab.harness.fault.FaultPlan;
import dev.txlab.messaging.spi.TransportInterceptor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * Message faults of a run's fault plan, applied at the transport decorator point: duplicate a
 * delivery, drop one before its ack (it comes again), delay one (it comes again after a random
 * delay up to the maximum, without blocking the consumer thread, so later messages overtake it),
 * and a broker outage (publishes fail and nothing is delivered from {@code outageStart} for
 * {@code outageLength}: a delivery is held back until the outage ends, without counting as a failed
 * attempt; the outbox keeps what could not be sent). Seeded: the same seed gives the
 * same faults for the same sequence of calls.
 */
public final class MessageFaults implements TransportInterceptor {
    private final FaultPlan.MessageFaultRates rates;
    private final Instant outageStart;
    private final Duration outageLength;
    private final Clock clock;
    private final SplittableRandom random;
    private final LongAdder heldBack = new LongAdder();

    public MessageFaults(FaultPlan.MessageFaultRates rates, Instant outageStart, Duration outageLength, Clock clock,
                         long seed) {
        this.rates = Objects.requireNonNull(rates, "rates");
        this.outageStart = Objects.requireNonNull(outageStart, "outageStart");
        this.outageLength = Objects.requireNonNull(outageLength, "outageLength");
        this.clock = clock;
        this.random = new SplittableRandom(seed);
    }

    /** Delivery faults only, no outage. */
    public static MessageFaults deliveries(FaultPlan.MessageFaultRates rates, Clock clock, long seed) {
        return new MessageFaults(rates, Instant.EPOCH, Duration.ZERO, clock, seed);
    }

    /** Deliveries held back so far, by a delay or by the outage. */
    public long heldBack() {
        return heldBack.sum();
    }

    private boolean brokerDown() {
        Instant now = clock.instant();
        return !now.isBefore(outageStart) && now.isBefore(outageEnd());
    }

    private Instant outageEnd() {
        return outageStart.plus(outageLength);
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
            heldBack.increment();
            throw new DeferredDeliveryException(message, Duration.between(clock.instant(), outageEnd()));
        }
        double draw;
        double delayFraction;
        synchronized (random) {
            draw = random.nextDouble();
            delayFraction = random.nextDouble();
        }
        if (draw < rates.dropRate()) {
            return Delivery.DROP_BEFORE_ACK;
        }
        if (draw < rates.dropRate() + rates.duplicateRate()) {
            return Delivery.DUPLICATE;
        }
        if (draw < rates.dropRate() + rates.duplicateRate() + rates.delayRate()) {
            long nanos = Math.max(1, (long) (rates.maxDelay().toNanos() * delayFraction));
            heldBack.increment();
            throw new DeferredDeliveryException(message, Duration.ofNanos(nanos));
        }
        return Delivery.HANDLE;
    }
}
