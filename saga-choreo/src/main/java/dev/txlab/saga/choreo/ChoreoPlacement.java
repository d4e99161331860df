package dev.txlab.saga.choreo;

import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.spi.PlacementContext;
import dev.txlab.messaging.MalformedMessageException;
import dev.txlab.messaging.Message;
import dev.txlab.messaging.ServiceEndpoint;
import dev.txlab.messaging.inbox.InboxHandler;
import dev.txlab.messaging.inbox.InboxStep;
import dev.txlab.messaging.placement.MessagingPlacement;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code saga-choreo}: the orders service commits the PENDING order with its OrderCreated in its
 * outbox (the acknowledgement); from there the services react to each other's events
 * ({@link Choreography}), each reaction one local transaction through its inbox, until the orders
 * service approves or rejects the order (the completion, observed when that commit is done).
 */
final class ChoreoPlacement extends MessagingPlacement {
    /** The longest chain of reactions: authorize, reserve, decline, release, reject. */
    private static final int HOPS = 5;

    private final Choreography choreography;

    ChoreoPlacement(PlacementContext context) {
        super(context);
        this.choreography = new Choreography(services);
    }

    @Override
    public ImplementationId id() {
        return ImplementationId.SAGA_CHOREO;
    }

    @Override
    protected void subscribe() {
        for (ServiceName service : ServiceName.values()) {
            for (String destination : choreography.destinationsOf(service)) {
                endpoint(service).subscribe(destination, CONSUMERS, reactionsOf(service, destination));
            }
        }
    }

    @Override
    protected void acknowledge(Connection orders, OrderRequest order, Instant submittedAt) throws SQLException {
        endpoint(ServiceName.ORDERS).send(orders, Choreography.destinationOf(ServiceName.ORDERS), Message.create(
                Choreography.ORDER_CREATED, order.orderId(), null, submittedAt, codec.toJson(OrderEvent.of(order))));
    }

    @Override
    protected int hops() {
        return HOPS;
    }

    /** The handler of one service's subscription to one destination: the service's rules for its events. */
    private InboxHandler reactionsOf(ServiceName service, String destination) {
        ServiceEndpoint endpoint = endpoint(service);
        return message -> {
            Optional<Choreography.Rule> rule = choreography.rule(service, message.type());
            if (rule.isEmpty()) {
                if (choreography.isKnown(message.type())) {
                    return Optional.empty();
                }
                throw new MalformedMessageException("unknown event type '" + message.type() + "' on " + destination
                        + " for " + service.id() + "; the choreography's types are " + eventTypes(), null);
            }
            OrderEvent event = codec.fromJson(message.payload(), OrderEvent.class);
            if (choreography.compensates(message.type())) {
                compensating(message);
            }
            Instant start = clock.instant();
            return Optional.of(new InboxStep<Consequences>() {
                @Override
                public Consequences apply(Connection connection) throws SQLException {
                    Consequences out = new Consequences();
                    rule.get().reaction().react(connection, event, out);
                    for (Consequences.Emitted emitted : out.emitted()) {
                        endpoint.send(connection, Choreography.destinationOf(service), Message.create(emitted.type(),
                                event.orderId(), message.messageId(), clock.instant(), codec.toJson(emitted.event())));
                    }
                    return out;
                }

                @Override
                public void committed(Consequences out) {
                    trace(event.orderId(), service, rule.get().step(), start, clock.instant());
                    out.outcome().ifPresent(outcome -> complete(event.orderId(), outcome));
                    if (out.wasLate()) {
                        lateAction();
                    }
                }
            });
        };
    }

    private List<String> eventTypes() {
        return choreography.rules().stream().map(Choreography.Rule::event).distinct().toList();
    }
}
