package dev.txlab.saga.orch;

import dev.txlab.domain.model.StepResult;
import dev.txlab.domain.service.OrderServices;
import dev.txlab.domain.service.ServiceName;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.txlab.saga.orch.CreateOrderSaga.APPROVE_ORDER;
import static dev.txlab.saga.orch.CreateOrderSaga.AUTHORIZE_CUSTOMER;
import static dev.txlab.saga.orch.CreateOrderSaga.CANCEL_SHOPPING_LIST;
import static dev.txlab.saga.orch.CreateOrderSaga.CONFIRM_PAYMENT;
import static dev.txlab.saga.orch.CreateOrderSaga.REFUND_PAYMENT;
import static dev.txlab.saga.orch.CreateOrderSaga.REJECT_ORDER;
import static dev.txlab.saga.orch.CreateOrderSaga.RESERVE_STOCK;

/**
 * The participants' command handlers as a table: participant (its destination is
 * {@code <service>.commands}), command type, the SHARED domain operation it runs, and its result.
 * An action that finds its compensation already done (a late command) has no effect and is answered
 * as a success: the coordinator has moved on and ignores the reply.
 */
final class Participants {
    /** One command's operation on the participant's database. */
    @FunctionalInterface
    interface Operation {
        StepResult run(Connection connection, SagaMessages.CommandPayload command) throws SQLException;
    }

    /** One row of the table. */
    record Handler(ServiceName participant, String command, Operation operation) {
    }

    private final List<Handler> table;

    Participants(OrderServices services) {
        table = List.of(
                new Handler(ServiceName.CUSTOMERS, AUTHORIZE_CUSTOMER, (c, command) ->
                        services.customers().authorize(c, command.order().orderId(), command.order().customerId())),
                new Handler(ServiceName.DEPOT, RESERVE_STOCK, (c, command) ->
                        services.depot().reserve(c, command.order().orderId(), command.order().lines())),
                new Handler(ServiceName.DEPOT, CANCEL_SHOPPING_LIST, (c, command) -> {
                    services.depot().cancel(c, command.order().orderId(), command.order().lines());
                    return StepResult.done();
                }),
                new Handler(ServiceName.PAYMENTS, CONFIRM_PAYMENT, (c, command) -> services.payments().confirm(
                        c, command.order().orderId(), command.order().customerId(), command.order().totalCents())),
                new Handler(ServiceName.PAYMENTS, REFUND_PAYMENT, (c, command) -> {
                    services.payments().refund(c, command.order().orderId(), command.order().customerId());
                    return StepResult.done();
                }),
                new Handler(ServiceName.ORDERS, APPROVE_ORDER, (c, command) -> {
                    services.orders().approve(c, command.order().orderId());
                    return StepResult.done();
                }),
                new Handler(ServiceName.ORDERS, REJECT_ORDER, (c, command) -> {
                    services.orders().reject(c, command.order().orderId(), command.reason());
                    return StepResult.done();
                }));
    }

    Optional<Handler> handler(ServiceName participant, String command) {
        return table.stream().filter(h -> h.participant() == participant && h.command().equals(command)).findFirst();
    }

    /** The services that handle commands. */
    Set<ServiceName> participants() {
        Set<ServiceName> participants = new LinkedHashSet<>();
        table.forEach(handler -> participants.add(handler.participant()));
        return participants;
    }

    List<String> commandsOf(ServiceName participant) {
        return table.stream().filter(h -> h.participant() == participant).map(Handler::command).toList();
    }
}
