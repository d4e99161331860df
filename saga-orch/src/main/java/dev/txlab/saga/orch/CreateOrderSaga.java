package dev.txlab.saga.orch;

import dev.txlab.domain.service.OrderStep;

/**
 * The seed's create-order saga, written in the DSL (the coordinator's "cosec"), from the domain's
 * step table: the acknowledgement created the pending order, so the saga's first step only undoes it.
 */
public final class CreateOrderSaga {
    public static final String REJECT_ORDER = OrderStep.CREATE_PENDING_ORDER.compensationOrFail().command();
    public static final String AUTHORIZE_CUSTOMER = OrderStep.AUTHORIZE_CUSTOMER.commandOrFail();
    public static final String RESERVE_STOCK = OrderStep.RESERVE_STOCK.commandOrFail();
    public static final String CANCEL_SHOPPING_LIST = OrderStep.RESERVE_STOCK.compensationOrFail().command();
    public static final String CONFIRM_PAYMENT = OrderStep.CONFIRM_PAYMENT.commandOrFail();
    public static final String REFUND_PAYMENT = OrderStep.CONFIRM_PAYMENT.compensationOrFail().command();
    public static final String APPROVE_ORDER = OrderStep.APPROVE_ORDER.commandOrFail();

    public static final SagaDefinition DEFINITION = definition();

    /** One saga step per domain step: its action where a command asks for it, its compensation where it has one. */
    private static SagaDefinition definition() {
        SagaDefinition.Builder saga = SagaDefinition.named("create-order");
        for (OrderStep step : OrderStep.values()) {
            saga.step(step.compensation().filter(c -> step.command().isEmpty())
                    .map(OrderStep.Compensation::stepName).orElse(step.stepName()));
            step.command().ifPresent(command -> saga.invoke(step.service(), command));
            step.compensation().ifPresent(compensation -> saga.compensateWith(step.service(), compensation.command()));
        }
        return saga.build();
    }

    private CreateOrderSaga() {
    }
}
