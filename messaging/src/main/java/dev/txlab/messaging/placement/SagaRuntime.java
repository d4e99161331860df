package dev.txlab.messaging.placement;

import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.service.OrderServices;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.domain.trace.StepEvent;
import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.fault.CrashPoint;
import dev.txlab.harness.fault.FaultPlan;
import dev.txlab.harness.network.SimulatedDelay;
import dev.txlab.harness.placement.Batching;
import dev.txlab.harness.placement.ConcurrencyRetry;
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
import dev.txlab.messaging.inbox.InboxHandler;
import dev.txlab.messaging.inbox.InboxStep;
import dev.txlab.messaging.outbox.OrderEventOutbox;
import dev.txlab.messaging.outbox.OutboxRelay;
import dev.txlab.messaging.spi.Transport;
import dev.txlab.messaging.spi.TransportInterceptor;

import java.sql.Connection;
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

/**
 * What both sagas run on: the run's broker behind the decorator point (counters, the simulated
 * network's hop delay, the fault plan's message faults), one {@link ServiceEndpoint} per service
 * database, the one handler template every service's subscription goes through, the acknowledgement
 * as one local transaction of the orders service (the PENDING order and the saga's first message),
 * completions observed when the order's outcome commits, and quiescence. A {@link SagaProtocol}
 * says what is sent and handled; {@link SagaPlacement} puts the two together.
 */
public final class SagaRuntime {
    /** Consumer threads per subscription (one order's messages stay in order on one of them). */
    public static final int CONSUMERS = 2;
    private static final long FAULT_SEED = 1;
    /** The type of the fault plan's poison messages: no handler knows it. */
    private static final String POISON_TYPE = "txlab.Poison";

    private final PlacementContext context;
    private final Clock clock;
    private final OrderServices services;
    private final MessageCodec codec = new MessageCodec();
    private final MessageCounters counters = new MessageCounters();
    private final MessageHopDelay hopDelay;
    private final Completions completions;
    private final Map<String, AtomicInteger> compensationAttempts = new ConcurrentHashMap<>();
    private final Map<ServiceName, ServiceEndpoint> endpoints = new EnumMap<>(ServiceName.class);
    private final OrderEventPublication publication;
    /** The run's message faults, when its fault plan has any (set on open). */
    private volatile MessageFaults messageFaults;
    /** The run's late delivery, when its fault plan has one (set on open). */
    private volatile LateDeliveries lateDeliveries;
    private Transport transport;
    private Quiescence quiescence;

    public SagaRuntime(PlacementContext context, OrderEventPublication publication) {
        this.context = context;
        this.clock = context.clock();
        this.publication = publication;
        this.services = context.services(publication.types());
        this.hopDelay = new MessageHopDelay(context.network());
        this.completions = new Completions(clock);
    }

    public PlacementContext context() {
        return context;
    }

    public Clock clock() {
        return clock;
    }

    /** The four services, making time-ordered surrogate ids. */
    public OrderServices services() {
        return services;
    }

    public MessageCodec codec() {
        return codec;
    }

    /**
     * Opens the broker and makes every service's endpoint (no subscription, no relay yet); the orders
     * endpoint publishes from the event store too when the orders service publishes events itself.
     */
    void open() {
        transport = Transports.open(context.transport(), context.stores().config(), clock, context.fresh(),
                interceptors());
        for (ServiceName service : ServiceName.values()) {
            endpoints.put(service, new ServiceEndpoint(service.id(), context.stores().dataSource(service), transport,
                    codec, counters, context.crashPoints(), context.transport().batching(), clock));
        }
        if (publication.types().stream().anyMatch(services.orders()::publishes)) {
            endpoints.get(ServiceName.ORDERS).publishFrom("events", new OrderEventOutbox(publication.message(),
                    counters));
        }
        quiescence = new Quiescence(context.stores().dataSource(ServiceName.ORDERS), endpoints.values(), counters,
                () -> lateDeliveries == null ? 0 : lateDeliveries.awaited());
    }

    /**
     * Starts the outbox relays (which first publish what a killed run left committed but
     * unpublished), then publishes the fault plan's poison messages.
     */
    void startRelays() {
        endpoints.values().forEach(ServiceEndpoint::start);
        publishPoison(context.faults().poisonMessages());
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
     * Subscribes a service to a destination with the one handler template: accept the delivery
     * (decode and check it), fail the first attempts of a compensating step when the fault plan says
     * so, apply it through the inbox in the consumer's transaction with a {@link Sender} for what it
     * sends, then, once committed, trace the step, complete the order when its outcome was decided,
     * count a late action, and pass the mid-compensation crash point when the saga entered compensation.
     */
    public <P> void subscribe(ServiceName service, String destination, SagaHandler<P> handler) {
        ServiceEndpoint endpoint = endpoints.get(service);
        endpoint.subscribe(destination, CONSUMERS, template(service, endpoint, handler));
    }

    private <P> InboxHandler template(ServiceName service, ServiceEndpoint endpoint, SagaHandler<P> handler) {
        return message -> {
            Optional<SagaHandler.Task<P>> accepted = handler.accept(message);
            if (accepted.isEmpty()) {
                return Optional.empty();
            }
            SagaHandler.Task<P> task = accepted.get();
            if (task.compensation()) {
                failFirstAttemptsOfCompensation(message);
            }
            Instant start = clock.instant();
            return Optional.of(new InboxStep<Effects>() {
                @Override
                public Effects apply(Connection connection) throws SQLException {
                    return handler.apply(connection, task.payload(),
                            new Sender(endpoint, connection, task.orderId(), message.messageId(), codec, clock));
                }

                @Override
                public Optional<String> lockKey() {
                    return task.lockKey();
                }

                @Override
                public void committed(Effects effects) {
                    task.tracedStep().ifPresent(step -> trace(task.orderId(), service, step, start, clock.instant()));
                    effects.outcome().ifPresent(outcome -> completions.complete(task.orderId(), outcome));
                    if (effects.late()) {
                        counters.lateAction();
                    }
                    if (effects.enteredCompensation()) {
                        context.crashPoints().hit(CrashPoint.SAGA_MID_COMPENSATION);
                    }
                }
            });
        };
    }

    /**
     * The fault plan's failing compensations make the first attempts of each compensating message
     * fail with a transient error, so the transport redelivers it.
     */
    private void failFirstAttemptsOfCompensation(Message message) throws SQLTransientException {
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

    /** A sender through a service's outbox, in a transaction the caller holds (not a handler's). */
    public Sender sender(ServiceName service, Connection connection, String orderId) {
        return new Sender(endpoints.get(service), connection, orderId, null, codec, clock);
    }

    /**
     * Acknowledges an order: the PENDING order and the protocol's first message (and log entry) in
     * one local transaction of the orders database; its completion comes when a handler's commit
     * decides its outcome.
     */
    Submission submit(OrderRequest order, SagaProtocol protocol) {
        Instant submittedAt = clock.instant();
        CompletableFuture<OrderResult> completion = completions.register(order.orderId(),
                submittedAt);
        try (Connection connection = context.stores().dataSource(ServiceName.ORDERS).getConnection()) {
            services.orders().createPending(connection, order);
            protocol.acknowledge(connection, order, sender(ServiceName.ORDERS, connection, order.orderId()));
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            completions.forget(order.orderId());
            throw new SubmitFailedException(order.orderId(), e);
        }
        Instant acknowledgedAt = clock.instant();
        completions.acknowledged(order.orderId(), acknowledgedAt);
        endpoints.get(ServiceName.ORDERS).committed();
        trace(order.orderId(), ServiceName.ORDERS, "create pending order", submittedAt, acknowledgedAt);
        return new Submission(order.orderId(), submittedAt, acknowledgedAt, completion);
    }

    /** Where a protocol's own background threads report a failure they carry on from. */
    public BackgroundFailures backgroundFailures() {
        return counters;
    }

    private void trace(String orderId, ServiceName service, String step, Instant start, Instant end) {
        context.trace().record(new StepEvent(orderId, service, step, start, end));
    }

    void awaitQuiescence(Duration max, SagaProtocol protocol) {
        quiescence.await(max, protocol::settled);
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
    Duration terminationBound(int hops) {
        Batching batching = context.transport().batching();
        Duration batchTogether = batching.naive() ? Duration.ZERO : Duration.ofMillis(StoreConfig.LOCK_TIMEOUT_MS);
        Duration oneDelivery = batching.linger().plus(batchTogether).plus(ConcurrencyRetry.ofDefaults().worstCase());
        Duration hop = Transport.REDELIVERY.worstCase(oneDelivery).plus(OutboxRelay.POLL)
                .plus(DatabasePatience.worstCase());
        return hop.multipliedBy(hops);
    }

    String terminationBoundExplained(int hops) {
        Batching batching = context.transport().batching();
        String batch = batching.naive() ? "" : "a " + batching.linger().toMillis() + " ms linger + the batch's "
                + StoreConfig.LOCK_TIMEOUT_MS / 1000 + " s lock timeout + alone: ";
        return hops + " hops x (" + Transport.REDELIVERY.maxAttempts() + " deliveries x (" + batch
                + ConcurrencyRetry.POLICY.maxAttempts() + " attempts x " + StoreConfig.LOCK_TIMEOUT_MS / 1000
                + " s lock timeout + back-offs) + their redelivery pauses + a relay poll + up to "
                + DatabasePatience.worstCase().toSeconds() + " s waiting out an unreachable database)";
    }

    String transportDescription() {
        return context.transport().describe() + ", durability " + context.stores().config().durability().id()
                + ", " + CONSUMERS + " consumer threads per subscription, " + context.transport().batching().describe();
    }

    MessageCounts messageCounts() {
        long heldBack = (messageFaults == null ? 0 : messageFaults.heldBack())
                + (lateDeliveries == null ? 0 : lateDeliveries.heldBack());
        return counters.counts().withHeldBack(heldBack);
    }

    Optional<SimulatedDelay.Achieved> messageHopDelay() {
        return context.network().isNone() ? Optional.empty() : Optional.of(hopDelay.achieved());
    }

    /** Stops the subscriptions and relays, closes the broker, cancels the completions still waiting. */
    void close() {
        endpoints.values().forEach(ServiceEndpoint::close);
        endpoints.clear();
        if (transport != null) {
            transport.close();
        }
        completions.cancelAll();
    }
}
