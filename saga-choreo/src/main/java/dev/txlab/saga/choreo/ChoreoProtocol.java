package dev.txlab.saga.choreo;

import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.messaging.MalformedMessageException;
import dev.txlab.messaging.Message;
import dev.txlab.messaging.MessageCodec;
import dev.txlab.messaging.placement.Effects;
import dev.txlab.messaging.placement.OrderEventPublication;
import dev.txlab.messaging.placement.SagaHandler;
import dev.txlab.messaging.placement.SagaProtocol;
import dev.txlab.messaging.placement.SagaRuntime;
import dev.txlab.messaging.placement.Sender;
import dev.txlab.messaging.spi.Transport;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code saga-choreo}: the orders service commits the PENDING order with its OrderCreated in its
 * outbox (the acknowledgement); from there the services react to each other's events
 * ({@link Choreography}), each reaction one local transaction through its inbox, until the orders
 * service approves or rejects the order (the completion, observed when that commit is done). With
 * event-sourced orders the order's CREATED event is its OrderCreated: the event store is the orders
 * service's outbox ({@link #PUBLICATION}), no outbox row is written for it; APPROVED and REJECTED
 * are stored, not sent (no service reacts to them).
 */
final class ChoreoProtocol implements SagaProtocol {
    /** The longest chain of reactions: authorize, reserve, decline, release, reject. */
    private static final int HOPS = 5;
    private static final MessageCodec CODEC = new MessageCodec();
    /** The orders event published from the event store: CREATED, as OrderCreated. */
    static final OrderEventPublication PUBLICATION = new OrderEventPublication(
            Set.of(dev.txlab.domain.model.OrderEvent.Type.CREATED), ChoreoProtocol::orderCreated);

    private final SagaRuntime runtime;
    private final Choreography choreography;

    ChoreoProtocol(SagaRuntime runtime) {
        this.runtime = runtime;
        this.choreography = new Choreography(runtime.services());
    }

    @Override
    public ImplementationId id() {
        return ImplementationId.SAGA_CHOREO;
    }

    @Override
    public void subscribe() {
        for (ServiceName service : ServiceName.values()) {
            for (String destination : choreography.destinationsOf(service)) {
                runtime.subscribe(service, destination, new Reactions(service, destination));
            }
        }
    }

    @Override
    public void acknowledge(Connection orders, OrderRequest order, Sender sender) throws SQLException {
        if (!runtime.services().orders().publishes(dev.txlab.domain.model.OrderEvent.Type.CREATED)) {
            sender.send(Choreography.destinationOf(ServiceName.ORDERS), Choreography.ORDER_CREATED,
                    OrderEvent.of(order));
        }
    }

    /**
     * The OrderCreated a stored CREATED event is, its id the event's stream and version (so a second
     * publication after a crash is the same message, which the inboxes absorb).
     */
    static Transport.Outgoing orderCreated(dev.txlab.domain.model.OrderEvent created) {
        if (created.type() != dev.txlab.domain.model.OrderEvent.Type.CREATED) {
            throw new IllegalArgumentException("only CREATED events are published, not " + created.type()
                    + " of order " + created.orderId());
        }
        Message message = new Message(created.orderId() + "/" + created.version(), Choreography.ORDER_CREATED,
                created.orderId(), null, Instant.ofEpochMilli(created.committedAtMs()),
                CODEC.toJson(OrderEvent.of(created.order())));
        return new Transport.Outgoing(Choreography.destinationOf(ServiceName.ORDERS), message);
    }

    @Override
    public int hops() {
        return HOPS;
    }

    /** An event and the rule of the reacting service it triggers. */
    private record Triggered(Choreography.Rule rule, OrderEvent event) {
    }

    /** One service's subscription to one destination: the service's rules for the events there. */
    private final class Reactions implements SagaHandler<Triggered> {
        private final ServiceName service;
        private final String destination;

        Reactions(ServiceName service, String destination) {
            this.service = service;
            this.destination = destination;
        }

        @Override
        public Optional<Task<Triggered>> accept(Message message) {
            Optional<Choreography.Rule> rule = choreography.rule(service, message.type());
            if (rule.isEmpty()) {
                if (choreography.isKnown(message.type())) {
                    return Optional.empty();
                }
                throw new MalformedMessageException("unknown event type '" + message.type() + "' on " + destination
                        + " for " + service.id() + "; the choreography's types are " + eventTypes(), null);
            }
            OrderEvent event = runtime.codec().fromJson(message.payload(), OrderEvent.class);
            return Optional.of(Task.traced(new Triggered(rule.get(), event), event.orderId(), rule.get().step(),
                    choreography.compensates(message.type())).locking(SagaHandler.lockKey(service, event.order())));
        }

        @Override
        public Effects apply(Connection connection, Triggered triggered, Sender sender) throws SQLException {
            Consequences out = new Consequences();
            triggered.rule().reaction().react(connection, triggered.event(), out);
            for (Consequences.Emitted emitted : out.emitted()) {
                sender.send(Choreography.destinationOf(service), emitted.type(), emitted.event());
            }
            return out.effects();
        }
    }

    private List<String> eventTypes() {
        return choreography.rules().stream().map(Choreography.Rule::event).distinct().toList();
    }
}
