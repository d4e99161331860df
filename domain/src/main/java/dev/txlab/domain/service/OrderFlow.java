package dev.txlab.domain.service;

import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.model.Outcome;
import dev.txlab.domain.model.StepResult;
import dev.txlab.domain.trace.StepEvent;
import dev.txlab.domain.trace.StepTrace;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

/**
 * The create-order flow of one transaction, written once: the steps of {@link OrderStep} in order
 * (create PENDING, authorize, reserve, pay, approve), stopping at the first refusal. Each step runs on the connection the caller hands out for
 * its service (one local connection for the baseline, an enlisted XA connection per service for
 * 2PC). The caller commits or rolls back; a refused order is left for it to reject.
 */
public final class OrderFlow {
    private final OrderServices services;
    private final StepTrace trace;
    private final Clock clock;

    public OrderFlow(OrderServices services, StepTrace trace, Clock clock) {
        this.services = services;
        this.trace = trace;
        this.clock = clock;
    }

    /** Hands out the connection a service's step runs on. */
    @FunctionalInterface
    public interface Participants {
        StepResult onConnectionOf(ServiceName service, Step step) throws SQLException;
    }

    /** One step on one connection. */
    @FunctionalInterface
    public interface Step {
        StepResult run(Connection connection) throws SQLException;
    }

    /** Runs the flow; APPROVED when every step was done, else REJECTED with the first refusal's reason. */
    public Outcome place(OrderRequest order, Participants participants) throws SQLException {
        String id = order.orderId();
        step(participants, id, OrderStep.CREATE_PENDING_ORDER, c -> {
            services.orders().createPending(c, order);
            return StepResult.done();
        });
        StepResult result = step(participants, id, OrderStep.AUTHORIZE_CUSTOMER,
                c -> services.customers().authorize(c, id, order.customerId()));
        if (result.isDone()) {
            result = step(participants, id, OrderStep.RESERVE_STOCK, c -> services.depot().reserve(c, id, order.lines()));
        }
        if (result.isDone()) {
            result = step(participants, id, OrderStep.CONFIRM_PAYMENT,
                    c -> services.payments().confirm(c, id, order.customerId(), order.totalCents()));
        }
        if (!result.isDone()) {
            if (result.kind() != StepResult.Kind.REFUSED) {
                throw new IllegalStateException("order " + id + " met a compensation it never asked for");
            }
            return Outcome.rejected(result.reason());
        }
        step(participants, id, OrderStep.APPROVE_ORDER, c -> {
            services.orders().approve(c, id);
            return StepResult.done();
        });
        return Outcome.APPROVED;
    }

    private StepResult step(Participants participants, String orderId, OrderStep orderStep, Step step)
            throws SQLException {
        Instant start = clock.instant();
        StepResult result = participants.onConnectionOf(orderStep.service(), step);
        trace.record(new StepEvent(orderId, orderStep.service(), orderStep.stepName(), start, clock.instant()));
        return result;
    }
}
