package dev.txlab.saga.choreo;

import dev.txlab.domain.fault.FaultPlan;
import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.model.OrderStatus;
import dev.txlab.domain.model.Outcome;
import dev.txlab.domain.placement.ConcurrencyRetry;
import dev.txlab.domain.placement.ImplementationId;
import dev.txlab.domain.placement.OrderPlacement;
import dev.txlab.domain.placement.OrderResult;
import dev.txlab.domain.placement.Submission;
import dev.txlab.domain.placement.SubmitFailedException;
import dev.txlab.domain.placement.spi.PlacementContext;
import dev.txlab.domain.service.Ids;
import dev.txlab.domain.service.OrderServices;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.domain.store.StoreConfig;
import dev.txlab.domain.trace.MessageCounts;
import dev.txlab.domain.trace.StepEvent;
import dev.txlab.messaging.MalformedMessageException;
import dev.txlab.messaging.Message;
import dev.txlab.messaging.MessageCodec;
import dev.txlab.messaging.MessageCounters;
import dev.txlab.messaging.MessageFaults;
import dev.txlab.messaging.ServiceEndpoint;
import dev.txlab.messaging.Transports;
import dev.txlab.messaging.outbox.OutboxRelay;
import dev.txlab.messaging.spi.MessageHandler;
import dev.txlab.messaging.spi.Transport;
import dev.txlab.messaging.spi.TransportInterceptor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code saga-choreo}: the orders service commits the PENDING order with its OrderCreated in its
 * outbox (the acknowledgement); from there the services react to each other's events
 * ({@link Choreography}), each reaction one local transaction through its inbox, until the orders
 * service approves or rejects the order (the completion, observed when that commit is done).
 */
final class ChoreoPlacement implements OrderPlacement {
    /** Consumer threads per subscription (one order's events stay in order on one of them). */
    static final int CONSUMERS = 2;
    /** The longest chain of reactions: authorize, reserve, decline, release, reject. */
    private static final int HOPS = 5;
    private static final Duration QUIESCENCE_POLL = Duration.ofMillis(20);
    private static final long FAULT_SEED = 1;

    private final PlacementContext context;
    private final Clock clock;
    private final OrderServices services;
    private final Choreography choreography;
    private final MessageCodec codec = new MessageCodec();
    private final MessageCounters counters = new MessageCounters();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<ServiceName, ServiceEndpoint> endpoints = new EnumMap<>(ServiceName.class);
    private Transport transport;

    private record Pending(Instant submittedAt, Instant acknowledgedAt, CompletableFuture<OrderResult> completion) {
    }

    ChoreoPlacement(PlacementContext context) {
        this.context = context;
        this.clock = context.clock();
        this.services = OrderServices.create(clock, Ids.RANDOM_UUIDS);
        this.choreography = new Choreography(services);
    }

    @Override
    public ImplementationId id() {
        return ImplementationId.SAGA_CHOREO;
    }

    /**
     * Opens the broker, subscribes every service to the events it reacts to, then starts the outbox
     * relays (which first publish what a killed run left committed but unpublished).
     */
    @Override
    public void start() {
        transport = Transports.open(context.transport(), context.stores().config(), clock, context.fresh(),
                interceptors());
        for (ServiceName service : ServiceName.values()) {
            ServiceEndpoint endpoint = new ServiceEndpoint(service.id(), context.stores().dataSource(service),
                    transport, codec, counters, context.crashPoints(), clock);
            endpoints.put(service, endpoint);
            for (String destination : choreography.destinationsOf(service)) {
                endpoint.subscribe(destination, CONSUMERS, reactionsOf(service, destination));
            }
        }
        endpoints.values().forEach(ServiceEndpoint::start);
    }

    /** The message faults of the run's fault plan, if any, then the counters (which see what the faults did). */
    private List<TransportInterceptor> interceptors() {
        FaultPlan faults = context.faults();
        if (!faults.messages().any() && !faults.brokerOutage().any()) {
            return List.of(counters);
        }
        return List.of(new MessageFaults(faults.messages(), clock.instant().plus(faults.brokerOutage().after()),
                faults.brokerOutage().length(), clock, FAULT_SEED), counters);
    }

    @Override
    public Submission submit(OrderRequest order) {
        Instant submittedAt = clock.instant();
        CompletableFuture<OrderResult> completion = new CompletableFuture<>();
        ServiceEndpoint orders = endpoints.get(ServiceName.ORDERS);
        try (Connection connection = context.stores().dataSource(ServiceName.ORDERS).getConnection()) {
            services.orders().createPending(connection, order);
            orders.send(connection, Choreography.destinationOf(ServiceName.ORDERS), Message.create(
                    Choreography.ORDER_CREATED, order.orderId(), null, submittedAt, codec.toJson(OrderEvent.of(order))));
            pending.put(order.orderId(), new Pending(submittedAt, null, completion));
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            pending.remove(order.orderId());
            throw new SubmitFailedException(order.orderId(), e);
        }
        Instant acknowledgedAt = clock.instant();
        pending.computeIfPresent(order.orderId(), (id, p) -> new Pending(p.submittedAt(), acknowledgedAt, completion));
        orders.committed();
        trace(order.orderId(), ServiceName.ORDERS, "create pending order", submittedAt, acknowledgedAt);
        return new Submission(order.orderId(), submittedAt, acknowledgedAt, completion);
    }

    /** The handler of one service's subscription to one destination: the service's rules for its events. */
    private MessageHandler reactionsOf(ServiceName service, String destination) {
        ServiceEndpoint endpoint = endpoints.get(service);
        return message -> {
            Optional<Choreography.Rule> rule = choreography.rule(service, message.type());
            if (rule.isEmpty()) {
                if (choreography.isKnown(message.type())) {
                    return;
                }
                throw new MalformedMessageException("unknown event type '" + message.type() + "' on " + destination
                        + " for " + service.id() + "; the choreography's types are " + eventTypes(), null);
            }
            OrderEvent event = codec.fromJson(message.payload(), OrderEvent.class);
            Instant start = clock.instant();
            Consequences[] result = new Consequences[1];
            endpoint.process(message, connection -> {
                Consequences out = new Consequences();
                rule.get().reaction().react(connection, event, out);
                for (Consequences.Emitted emitted : out.emitted()) {
                    endpoint.send(connection, Choreography.destinationOf(service), Message.create(emitted.type(),
                            event.orderId(), message.messageId(), clock.instant(), codec.toJson(emitted.event())));
                }
                result[0] = out;
            });
            trace(event.orderId(), service, rule.get().step(), start, clock.instant());
            if (result[0] != null) {
                result[0].outcome().ifPresent(outcome -> complete(event.orderId(), outcome));
            }
        };
    }

    private List<String> eventTypes() {
        return choreography.rules().stream().map(Choreography.Rule::event).distinct().toList();
    }

    private void complete(String orderId, Outcome outcome) {
        Pending waiting = pending.remove(orderId);
        if (waiting != null) {
            Instant acknowledgedAt = waiting.acknowledgedAt() == null ? clock.instant() : waiting.acknowledgedAt();
            waiting.completion().complete(new OrderResult(orderId, outcome, waiting.submittedAt(), acknowledgedAt,
                    clock.instant()));
        }
    }

    private void trace(String orderId, ServiceName service, String step, Instant start, Instant end) {
        context.trace().record(new StepEvent(orderId, service, step, start, end));
    }

    /** Waits until no order is PENDING and no outbox row is unpublished, or {@code max} has passed. */
    @Override
    public void awaitQuiescence(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!quiescent() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(QUIESCENCE_POLL.toNanos());
        }
    }

    private boolean quiescent() {
        try {
            for (ServiceEndpoint endpoint : endpoints.values()) {
                if (endpoint.unpublished() > 0) {
                    return false;
                }
            }
            return pendingOrders() == 0;
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

    @Override
    public Duration terminationBound() {
        ConcurrencyRetry retry = ConcurrencyRetry.ofDefaults();
        Duration perAttempt = Duration.ofMillis(retry.attempts() * StoreConfig.LOCK_TIMEOUT_MS)
                .plus(retry.maxBackoff().multipliedBy(retry.attempts()));
        return perAttempt.plus(Transport.MAX_REDELIVERY_DELAY).multipliedBy((long) HOPS * Transport.MAX_ATTEMPTS)
                .plus(OutboxRelay.POLL.multipliedBy(HOPS));
    }

    @Override
    public String terminationBoundExplained() {
        return HOPS + " reactions x " + Transport.MAX_ATTEMPTS + " deliveries x (" + ConcurrencyRetry.DEFAULT_ATTEMPTS
                + " attempts x " + StoreConfig.LOCK_TIMEOUT_MS / 1000 + " s lock timeout + back-offs), plus a relay "
                + "poll per reaction";
    }

    @Override
    public Optional<String> transportDescription() {
        return Optional.of(context.transport().describe() + ", durability " + context.stores().config().durability().id()
                + ", " + CONSUMERS + " consumer threads per subscription");
    }

    @Override
    public Optional<MessageCounts> messageCounts() {
        return Optional.of(counters.counts());
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
