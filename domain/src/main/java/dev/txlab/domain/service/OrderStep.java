package dev.txlab.domain.service;

import java.util.Optional;

/**
 * The create-order flow's steps, written once, in order: each step's name, the service that runs
 * it, the command that asks for it (all but the acknowledgement) and, where it can be undone, its compensation and that
 * compensation's command. The one-transaction flow ({@link OrderFlow}), the orchestration's saga
 * definition and participants, and the choreography's rules all take their names and services from
 * here, so a renamed step cannot drift apart in one of them.
 */
public enum OrderStep {
    /** The acknowledgement itself (no command asks for it); undone by rejecting the order. */
    CREATE_PENDING_ORDER("create pending order", ServiceName.ORDERS, null,
            new Compensation("reject order", "RejectOrder")),
    AUTHORIZE_CUSTOMER("authorize customer", ServiceName.CUSTOMERS, "AuthorizeCustomer", null),
    RESERVE_STOCK("reserve stock", ServiceName.DEPOT, "ReserveStock",
            new Compensation("cancel shopping list", "CancelShoppingList")),
    CONFIRM_PAYMENT("confirm payment", ServiceName.PAYMENTS, "ConfirmPayment",
            new Compensation("refund payment", "RefundPayment")),
    APPROVE_ORDER("approve order", ServiceName.ORDERS, "ApproveOrder", null);

    /** How a step is undone: the compensation's name and the command that asks for it. */
    public record Compensation(String stepName, String command) {
    }

    private final String stepName;
    private final ServiceName service;
    private final String command;
    private final Compensation compensation;

    OrderStep(String stepName, ServiceName service, String command, Compensation compensation) {
        this.stepName = stepName;
        this.service = service;
        this.command = command;
        this.compensation = compensation;
    }

    /** The step's name, as traced and shown in the report's timelines. */
    public String stepName() {
        return stepName;
    }

    public ServiceName service() {
        return service;
    }

    /** The command type that asks the service for this step; none for the acknowledgement itself. */
    public Optional<String> command() {
        return Optional.ofNullable(command);
    }

    /** The command of a step asked for by one, or a clear error naming the step. */
    public String commandOrFail() {
        return command().orElseThrow(() -> new IllegalStateException("step '" + stepName + "' is asked for by no "
                + "command"));
    }

    /** How the step is undone, when it can be (the same service runs the compensation). */
    public Optional<Compensation> compensation() {
        return Optional.ofNullable(compensation);
    }

    /** The compensation of a step that has one, or a clear error naming the step. */
    public Compensation compensationOrFail() {
        return compensation().orElseThrow(() -> new IllegalStateException("step '" + stepName + "' has no compensation"));
    }
}
