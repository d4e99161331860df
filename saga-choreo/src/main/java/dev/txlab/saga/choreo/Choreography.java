package dev.txlab.saga.choreo;

import dev.txlab.domain.model.Outcome;
import dev.txlab.domain.model.StepResult;
import dev.txlab.domain.service.OrderServices;
import dev.txlab.domain.service.OrderStep;
import dev.txlab.domain.service.ServiceName;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The create-order flow as a table of rules, "event, published by, reacted to by, doing, emitting"
 * (the same table is in the package documentation and the README). Each service publishes its
 * events to its own destination ({@link #destinationOf}) and subscribes to the destinations of the
 * events it reacts to.
 */
public final class Choreography {
    public static final String ORDER_CREATED = "OrderCreated";
    public static final String CUSTOMER_AUTHORIZED = "CustomerAuthorized";
    public static final String CUSTOMER_REJECTED = "CustomerRejected";
    public static final String STOCK_RESERVED = "StockReserved";
    public static final String STOCK_REJECTED = "StockRejected";
    public static final String PAYMENT_CONFIRMED = "PaymentConfirmed";
    public static final String PAYMENT_DECLINED = "PaymentDeclined";
    public static final String STOCK_RELEASED = "StockReleased";

    /** The step that undoes the acknowledgement: a refused order is rejected. */
    private static final String REJECT_ORDER = OrderStep.CREATE_PENDING_ORDER.compensationOrFail().stepName();

    /** One row of the table: who reacts to an event, with which step (named in the domain's {@link OrderStep} table). */
    public record Rule(String event, ServiceName publisher, ServiceName reactor, String step, Reaction reaction) {
    }

    private final List<Rule> rules;

    public Choreography(OrderServices services) {
        rules = List.of(
                new Rule(ORDER_CREATED, ServiceName.ORDERS, ServiceName.CUSTOMERS, OrderStep.AUTHORIZE_CUSTOMER.stepName(),
                        (c, e, out) -> next(services.customers().authorize(c, e.orderId(), e.order().customerId()),
                                CUSTOMER_AUTHORIZED, CUSTOMER_REJECTED, e, out)),
                new Rule(CUSTOMER_AUTHORIZED, ServiceName.CUSTOMERS, ServiceName.DEPOT, OrderStep.RESERVE_STOCK.stepName(),
                        (c, e, out) -> next(services.depot().reserve(c, e.orderId(), e.order().lines()),
                                STOCK_RESERVED, STOCK_REJECTED, e, out)),
                new Rule(CUSTOMER_REJECTED, ServiceName.CUSTOMERS, ServiceName.ORDERS, REJECT_ORDER,
                        (c, e, out) -> reject(services, c, e, out)),
                new Rule(STOCK_RESERVED, ServiceName.DEPOT, ServiceName.PAYMENTS, OrderStep.CONFIRM_PAYMENT.stepName(),
                        (c, e, out) -> next(services.payments().confirm(c, e.orderId(), e.order().customerId(),
                                e.order().totalCents()), PAYMENT_CONFIRMED, PAYMENT_DECLINED, e, out)),
                new Rule(STOCK_REJECTED, ServiceName.DEPOT, ServiceName.ORDERS, REJECT_ORDER,
                        (c, e, out) -> reject(services, c, e, out)),
                new Rule(PAYMENT_CONFIRMED, ServiceName.PAYMENTS, ServiceName.ORDERS, OrderStep.APPROVE_ORDER.stepName(),
                        (c, e, out) -> {
                            services.orders().approve(c, e.orderId());
                            decided(services, c, e, out);
                        }),
                new Rule(PAYMENT_DECLINED, ServiceName.PAYMENTS, ServiceName.DEPOT, OrderStep.RESERVE_STOCK.compensationOrFail().stepName(),
                        (c, e, out) -> {
                            services.depot().cancel(c, e.orderId(), e.order().lines());
                            out.emit(STOCK_RELEASED, e);
                        }),
                new Rule(STOCK_RELEASED, ServiceName.DEPOT, ServiceName.ORDERS, REJECT_ORDER,
                        (c, e, out) -> reject(services, c, e, out)));
    }

    /**
     * Emits the step's success or refusal event. A step whose compensation ran first (a late action)
     * emits nothing, the compensation already carries the saga on; it is marked late.
     */
    private static void next(StepResult result, String done, String refused, OrderEvent event, Consequences out) {
        switch (result.kind()) {
            case DONE -> out.emit(done, event);
            case REFUSED -> out.emit(refused, event.refused(result.reason()));
            case ALREADY_COMPENSATED -> out.late();
        }
    }

    private static void reject(OrderServices services, Connection connection, OrderEvent event, Consequences out)
            throws SQLException {
        if (event.reason() == null) {
            throw new IllegalArgumentException("a refusal event without a reason for order " + event.orderId());
        }
        services.orders().reject(connection, event.orderId(), event.reason());
        decided(services, connection, event, out);
    }

    /** Reports the order's outcome as stored (not as assumed), read in the same transaction. */
    private static void decided(OrderServices services, Connection connection, OrderEvent event, Consequences out)
            throws SQLException {
        Outcome outcome = services.orders().outcome(connection, event.orderId()).orElseThrow(
                () -> new IllegalStateException("order " + event.orderId() + " is not terminal after its decision"));
        out.decided(outcome);
    }

    /** Where a service publishes its events. */
    public static String destinationOf(ServiceName publisher) {
        return publisher.id() + ".events";
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The destinations a service listens to. */
    public Set<String> destinationsOf(ServiceName reactor) {
        Set<String> destinations = new LinkedHashSet<>();
        rules.stream().filter(rule -> rule.reactor() == reactor)
                .forEach(rule -> destinations.add(destinationOf(rule.publisher())));
        return destinations;
    }

    /** The rule by which a service reacts to an event type, if it reacts to it. */
    public Optional<Rule> rule(ServiceName reactor, String event) {
        return rules.stream().filter(rule -> rule.reactor() == reactor && rule.event().equals(event)).findFirst();
    }

    /**
     * True for an event whose reaction undoes earlier work: a declined payment releases the stock, a
     * refusal rejects the pending order (the orchestrated saga's compensations, in this table).
     */
    public boolean compensates(String event) {
        return Set.of(CUSTOMER_REJECTED, STOCK_REJECTED, PAYMENT_DECLINED, STOCK_RELEASED).contains(event);
    }

    /** True for the event types of this choreography. */
    public boolean isKnown(String event) {
        return rules.stream().anyMatch(rule -> rule.event().equals(event));
    }
}
