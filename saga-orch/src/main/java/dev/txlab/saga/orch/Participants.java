package dev.txlab.saga.orch;

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
 * The participants' command handlers as a table: participant (its destination is
 * {@code <service>.commands}), command type (both from the domain's {@link OrderStep} table), the
 * SHARED domain operation it runs, and its result.
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
                action(OrderStep.AUTHORIZE_CUSTOMER, (c, command) ->
                        services.customers().authorize(c, command.order().orderId(), command.order().customerId())),
                action(OrderStep.RESERVE_STOCK, (c, command) ->
                        services.depot().reserve(c, command.order().orderId(), command.order().lines())),
                compensation(OrderStep.RESERVE_STOCK, (c, command) -> {
                    services.depot().cancel(c, command.order().orderId(), command.order().lines());
                    return StepResult.done();
                }),
                action(OrderStep.CONFIRM_PAYMENT, (c, command) -> services.payments().confirm(
                        c, command.order().orderId(), command.order().customerId(), command.order().totalCents())),
                compensation(OrderStep.CONFIRM_PAYMENT, (c, command) -> {
                    services.payments().refund(c, command.order().orderId(), command.order().customerId());
                    return StepResult.done();
                }),
                action(OrderStep.APPROVE_ORDER, (c, command) -> {
                    services.orders().approve(c, command.order().orderId());
                    return StepResult.done();
                }),
                compensation(OrderStep.CREATE_PENDING_ORDER, (c, command) -> {
                    services.orders().reject(c, command.order().orderId(), command.reason());
                    return StepResult.done();
                }));
    }

    /** The handler of a step's action: its service, its command, from the domain's step table. */
    private static Handler action(OrderStep step, Operation operation) {
        return new Handler(step.service(), step.commandOrFail(), operation);
    }

    /** The handler of a step's compensation, run by the step's own service. */
    private static Handler compensation(OrderStep step, Operation operation) {
        return new Handler(step.service(), step.compensationOrFail().command(), operation);
    }

    /** Every handler of the table. */
    List<Handler> handlers() {
        return table;
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
