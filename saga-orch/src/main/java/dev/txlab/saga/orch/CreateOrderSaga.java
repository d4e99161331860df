package dev.txlab.saga.orch;

import dev.txlab.domain.service.ServiceName;

/** The seed's create-order saga, written in the DSL (the coordinator's "cosec"). */
public final class CreateOrderSaga {
    public static final String REJECT_ORDER = "RejectOrder";
    public static final String AUTHORIZE_CUSTOMER = "AuthorizeCustomer";
    public static final String RESERVE_STOCK = "ReserveStock";
    public static final String CANCEL_SHOPPING_LIST = "CancelShoppingList";
    public static final String CONFIRM_PAYMENT = "ConfirmPayment";
    public static final String REFUND_PAYMENT = "RefundPayment";
    public static final String APPROVE_ORDER = "ApproveOrder";

    public static final SagaDefinition DEFINITION = SagaDefinition.named("create-order")
            .step("reject order").compensateWith(ServiceName.ORDERS, REJECT_ORDER)
            .step("authorize customer").invoke(ServiceName.CUSTOMERS, AUTHORIZE_CUSTOMER)
            .step("reserve stock").invoke(ServiceName.DEPOT, RESERVE_STOCK)
                .compensateWith(ServiceName.DEPOT, CANCEL_SHOPPING_LIST)
            .step("confirm payment").invoke(ServiceName.PAYMENTS, CONFIRM_PAYMENT)
                .compensateWith(ServiceName.PAYMENTS, REFUND_PAYMENT)
            .step("approve order").invoke(ServiceName.ORDERS, APPROVE_ORDER)
            .build();

    private CreateOrderSaga() {
    }
}
