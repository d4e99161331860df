package dev.txlab.messaging.placement;

import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.model.OrderStatus;
import dev.txlab.domain.model.Outcome;
import dev.txlab.domain.service.Ids;
import dev.txlab.domain.service.OrderServices;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.domain.trace.StepEvent;
import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.fault.FaultPlan;
import dev.txlab.harness.network.SimulatedDelay;
import dev.txlab.harness.placement.Batching;
import dev.txlab.harness.placement.ConcurrencyRetry;
import dev.txlab.harness.placement.OrderPlacement;
import dev.txlab.harness.placement.OrderResult;
import dev.txlab.harness.placement.Submission;
import dev.txlab.harness.placement.SubmitFailedException;
import dev.txlab.harness.placement.spi.PlacementContext;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.messaging.BackgroundFailures;
import dev.txlab.messaging.DatabasePatience;
import dev.txlab.messaging.LateDeliveries;
import dev.txlab.messaging.Message;
import dev.txlab.messaging.MessageCodec;
import dev.txlab.messaging.MessageCounters;
import dev.txlab.messaging.MessageFaults;
import dev.txlab.messaging.MessageHopDelay;
import dev.txlab.messaging.ServiceEndpoint;
import dev.txlab.messaging.Transports;
import dev.txlab.messaging.outbox.OutboxRelay;
import dev.txlab.messaging.spi.Transport;
import dev.txlab.messaging.spi.TransportInterceptor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * What both sagas share: the run's broker behind the decorator point (counters, and the fault
 * plan's message faults), one {@link ServiceEndpoint} per service database, the acknowledgement as
 * one local transaction of the orders service (the PENDING order and the saga's first message),
 * completions observed when the order's outcome commits, and quiescence.
 */
public abstract class MessagingPlacement implements OrderPlacement {
    /** Consumer threads per subscription (one order's messages stay in order on one of them). */
    public static final int CONSUMERS = 2;
    private static final Duration QUIESCENCE_POLL = Duration.ofMillis(20);
    /** How long everything must stay quiet, with no message published or delivered, to count as quiescent. */
    private static final Duration QUIET_WINDOW = Duration.ofMillis(200);
    private static final long FAULT_SEED = 1;
    /** The type of the fault plan's poison messages: no handler knows it. */
    static final String POISON_TYPE = "txlab.Poison";

    protected final PlacementContext context;
    protected final Clock clock;
    protected final OrderServices services;
    protected final MessageCodec codec = new MessageCodec();
    private final MessageCounters counters = new MessageCounters();
    /** The run's message faults, when its fault plan has any (set on start). */
    private volatile MessageFaults messageFaults;
    /** The run's late delivery, when its fault plan has one (set on start). */
    private volatile LateDeliveries lateDeliveries;
    private final MessageHopDelay hopDelay;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> compensationAttempts = new ConcurrentHashMap<>();
    private final Map<ServiceName, ServiceEndpoint> endpoints = new EnumMap<>(ServiceName.class);
    private Transport transport;

    private record Pending(Instant submittedAt, Instant acknowledgedAt, CompletableFuture<OrderResult> completion) {
    }

    protected MessagingPlacement(PlacementContext context) {
        this.context = context;
        this.clock = context.clock();
        this.services = OrderServices.create(clock, Ids.TIME_ORDERED);
        this.hopDelay = new MessageHopDelay(context.network());
    }

    /** Subscribes the services' handlers; called once every endpoint exists, before any relay starts. */
    protected abstract void subscribe();

    /**
     * The acknowledging transaction's own work on the orders database, after the PENDING order was
     * created: the saga's first message in the outbox (and, for orchestration, its log entry).
     */
    protected abstract void acknowledge(Connection orders, OrderRequest order, Instant submittedAt)
            throws SQLException;

    /** Whether the implementation's own state is settled too (beyond orders and outboxes). */
    protected boolean settled() throws SQLException {
        return true;
    }

    /** How many message hops the longest path of an order takes (for the termination bound). */
    protected abstract int hops();

    /**
     * Opens the broker, makes every service's endpoint, subscribes, then starts the outbox relays
     * (which first publish what a killed run left committed but unpublished).
     */
    @Override
    public void start() {
        transport = Transports.open(context.transport(), context.stores().config(), clock, context.fresh(),
                interceptors());
        for (ServiceName service : ServiceName.values()) {
            endpoints.put(service, new ServiceEndpoint(service.id(), context.stores().dataSource(service), transport,
                    codec, counters, context.crashPoints(), context.transport().batching(), clock));
        }
        subscribe();
        endpoints.values().forEach(ServiceEndpoint::start);
        publishPoison(context.faults().poisonMessages());
    }

    /**
     * The fault plan's poison messages: to every destination a service consumes, messages of a type
     * no handler knows with a body that does not decode. Each must go to the dead-letter destination
     * without holding up the orders' messages.
     */
    private void publishPoison(int perDestination) {
        endpoints.values().stream().flatMap(endpoint -> endpoint.destinations().stream()).distinct()
                .forEach(destination -> {
                    for (int i = 1; i <= perDestination; i++) {
                        transport.publish(destination, Message.create(POISON_TYPE, "poison-" + i, null,
                                clock.instant(), "{not json"));
                    }
                });
    }

    /**
     * The simulated network's hop delay, the message faults and the late delivery of the run's fault
     * plan, if any, then the counters (which see what the delay and the faults did).
     */
    private List<TransportInterceptor> interceptors() {
        List<TransportInterceptor> interceptors = new ArrayList<>();
        if (!context.network().isNone()) {
            interceptors.add(hopDelay);
        }
        FaultPlan faults = context.faults();
        if (faults.messages().any() || faults.brokerOutage().any()) {
            messageFaults = new MessageFaults(faults.messages(), clock.instant().plus(faults.brokerOutage().after()),
                    faults.brokerOutage().length(), clock, FAULT_SEED);
            interceptors.add(messageFaults);
        }
        faults.lateDelivery().ifPresent(late -> {
            lateDeliveries = new LateDeliveries(late);
            interceptors.add(lateDeliveries);
        });
        interceptors.add(counters);
        return interceptors;
    }

    protected final ServiceEndpoint endpoint(ServiceName service) {
        return endpoints.get(service);
    }

    @Override
    public final Submission submit(OrderRequest order) {
        Instant submittedAt = clock.instant();
        CompletableFuture<OrderResult> completion = new CompletableFuture<>();
        try (Connection connection = context.stores().dataSource(ServiceName.ORDERS).getConnection()) {
            services.orders().createPending(connection, order);
            acknowledge(connection, order, submittedAt);
            pending.put(order.orderId(), new Pending(submittedAt, null, completion));
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            pending.remove(order.orderId());
            throw new SubmitFailedException(order.orderId(), e);
        }
        Instant acknowledgedAt = clock.instant();
        pending.computeIfPresent(order.orderId(), (id, p) -> new Pending(p.submittedAt(), acknowledgedAt, completion));
        endpoint(ServiceName.ORDERS).committed();
        trace(order.orderId(), ServiceName.ORDERS, "create pending order", submittedAt, acknowledgedAt);
        return new Submission(order.orderId(), submittedAt, acknowledgedAt, completion);
    }

    /**
     * Called by a handler before it applies a compensating step: the fault plan's failing
     * compensations make the first attempts of each such message fail with a transient error, so
     * the transport redelivers it.
     */
    protected final void compensating(Message message) throws SQLTransientException {
        int failing = context.faults().failingCompensationAttempts();
        if (failing == 0) {
            return;
        }
        int attempt = compensationAttempts.computeIfAbsent(message.messageId(), id -> new AtomicInteger())
                .incrementAndGet();
        if (attempt <= failing) {
            throw new SQLTransientException("txlab fault plan: attempt " + attempt + " of " + message.type() + " for "
                    + message.correlationId() + " fails (the first " + failing + " attempts of a compensation do)");
        }
    }

    /** Completes an order's submission with its outcome, once the commit that decided it is done. */
    protected final void complete(String orderId, Outcome outcome) {
        Pending waiting = pending.remove(orderId);
        if (waiting != null) {
            Instant acknowledgedAt = waiting.acknowledgedAt() == null ? clock.instant() : waiting.acknowledgedAt();
            waiting.completion().complete(new OrderResult(orderId, outcome, waiting.submittedAt(), acknowledgedAt,
                    clock.instant()));
        }
    }

    /** Where the implementation's own background threads report a failure they carry on from. */
    protected final BackgroundFailures backgroundFailures() {
        return counters;
    }

    /** Counts a late action: a handler's committed step that found its compensation done, so had no effect. */
    protected final void lateAction() {
        counters.lateAction();
    }

    protected final void trace(String orderId, ServiceName service, String step, Instant start, Instant end) {
        context.trace().record(new StepEvent(orderId, service, step, start, end));
    }

    /**
     * Waits until no late delivery of the fault plan is still held back, no order is PENDING, the rest
     * is settled, no handler is busy and no outbox row is unpublished, and that stayed so for {@link #QUIET_WINDOW} with no message published or
     * delivered meanwhile (a message on its way between a relay and a consumer is in none of those
     * places); or until {@code max} passed.
     */
    @Override
    public void awaitQuiescence(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        MessageCounts quietWith = null;
        long quietSince = 0;
        while (System.nanoTime() < deadline) {
            MessageCounts counts = counters.counts();
            if (!quiet()) {
                quietWith = null;
            } else if (!counts.equals(quietWith)) {
                quietWith = counts;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= QUIET_WINDOW.toNanos()) {
                return;
            }
            LockSupport.parkNanos(QUIESCENCE_POLL.toNanos());
        }
    }

    /**
     * Checked in this order because a handler commits an order's new state together with the
     * outbox rows it sends: state first, outboxes last, so a commit between the checks is seen.
     */
    private boolean quiet() {
        try {
            if ((lateDeliveries != null && lateDeliveries.awaited() > 0) || pendingOrders() > 0 || !settled()) {
                return false;
            }
            for (ServiceEndpoint endpoint : endpoints.values()) {
                if (endpoint.handling()) {
                    return false;
                }
            }
            for (ServiceEndpoint endpoint : endpoints.values()) {
                if (endpoint.unpublished() > 0) {
                    return false;
                }
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private long pendingOrders() throws SQLException {
        try (Connection connection = context.stores().dataSource(ServiceName.ORDERS).getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM orders WHERE status = ?")) {
            count.setString(1, OrderStatus.PENDING.name());
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                long pendingOrders = rows.getLong(1);
                connection.rollback();
                return pendingOrders;
            }
        }
    }

    /**
     * The I5 bound, a sum of worst cases: per hop, every delivery the transport makes
     * ({@link Transport#REDELIVERY}), each waiting out its consumer's linger, then its batch's
     * transaction failing on a lock timeout and the delivery redone alone with its retries on lock
     * timeouts ({@link ConcurrencyRetry}); then a relay poll, and the consumer's patience with an
     * unreachable database ({@link DatabasePatience}). It assumes that the other deliveries redone
     * alone before it in its batch do not each wait out lock timeouts too (they are other orders'
     * steps); if they all did, a batch of N could take N times as long.
     */
    @Override
    public Duration terminationBound() {
        Batching batching = context.transport().batching();
        Duration batchTogether = batching.naive() ? Duration.ZERO : Duration.ofMillis(StoreConfig.LOCK_TIMEOUT_MS);
        Duration oneDelivery = batching.linger().plus(batchTogether).plus(ConcurrencyRetry.ofDefaults().worstCase());
        Duration hop = Transport.REDELIVERY.worstCase(oneDelivery).plus(OutboxRelay.POLL)
                .plus(DatabasePatience.worstCase());
        return hop.multipliedBy(hops());
    }

    @Override
    public String terminationBoundExplained() {
        Batching batching = context.transport().batching();
        String batch = batching.naive() ? "" : "a " + batching.linger().toMillis() + " ms linger + the batch's "
                + StoreConfig.LOCK_TIMEOUT_MS / 1000 + " s lock timeout + alone: ";
        return hops() + " hops x (" + Transport.REDELIVERY.maxAttempts() + " deliveries x (" + batch
                + ConcurrencyRetry.POLICY.maxAttempts() + " attempts x " + StoreConfig.LOCK_TIMEOUT_MS / 1000
                + " s lock timeout + back-offs) + their redelivery pauses + a relay poll + up to "
                + DatabasePatience.worstCase().toSeconds() + " s waiting out an unreachable database)";
    }

    @Override
    public Optional<String> transportDescription() {
        return Optional.of(context.transport().describe() + ", durability " + context.stores().config().durability().id()
                + ", " + CONSUMERS + " consumer threads per subscription, " + context.transport().batching().describe());
    }

    @Override
    public Optional<MessageCounts> messageCounts() {
        long heldBack = (messageFaults == null ? 0 : messageFaults.heldBack())
                + (lateDeliveries == null ? 0 : lateDeliveries.heldBack());
        return Optional.of(counters.counts().withHeldBack(heldBack));
    }

    @Override
    public Optional<SimulatedDelay.Achieved> messageHopDelay() {
        return context.network().isNone() ? Optional.empty() : Optional.of(hopDelay.achieved());
    }

    @Override
    public void close() {
        endpoints.values().forEach(ServiceEndpoint::close);
        endpoints.clear();
        if (transport != null) {
            transport.close();
        }
        pending.values().forEach(p -> p.completion().cancel(false));
    }
}
