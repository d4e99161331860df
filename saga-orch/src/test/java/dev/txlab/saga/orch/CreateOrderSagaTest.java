package dev.txlab.saga.orch;

import dev.txlab.domain.model.RejectionReason;
import org.junit.jupiter.api.Test;

import static dev.txlab.domain.service.ServiceName.CUSTOMERS;
import static dev.txlab.domain.service.ServiceName.DEPOT;
import static dev.txlab.domain.service.ServiceName.ORDERS;
import static dev.txlab.domain.service.ServiceName.PAYMENTS;
import static dev.txlab.saga.orch.CreateOrderSaga.APPROVE_ORDER;
import static dev.txlab.saga.orch.CreateOrderSaga.AUTHORIZE_CUSTOMER;
import static dev.txlab.saga.orch.CreateOrderSaga.CANCEL_SHOPPING_LIST;
import static dev.txlab.saga.orch.CreateOrderSaga.CONFIRM_PAYMENT;
import static dev.txlab.saga.orch.CreateOrderSaga.REJECT_ORDER;
import static dev.txlab.saga.orch.CreateOrderSaga.RESERVE_STOCK;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every path of the create-order saga through the engine, command by command. */
class CreateOrderSagaTest {
    private final SagaUnitTest saga = SagaUnitTest.given(CreateOrderSaga.DEFINITION).start();

    @Test
    void approvesAfterEveryActionSucceeded() {
        saga.expectCommand(CUSTOMERS, AUTHORIZE_CUSTOMER).succeed()
                .expectCommand(DEPOT, RESERVE_STOCK).succeed()
                .expectCommand(PAYMENTS, CONFIRM_PAYMENT).succeed()
                .expectCommand(ORDERS, APPROVE_ORDER).succeed()
                .expectSucceeded();
    }

    @Test
    void aRefusedAuthorizationOnlyRejectsTheOrder() {
        saga.expectCommand(CUSTOMERS, AUTHORIZE_CUSTOMER).refuse(RejectionReason.CUSTOMER_DISABLED)
                .expectCommand(ORDERS, REJECT_ORDER).succeed()
                .expectCompensated(RejectionReason.CUSTOMER_DISABLED);
    }

    @Test
    void aRefusedReservationRejectsTheOrder() {
        saga.succeed().expectCommand(DEPOT, RESERVE_STOCK).refuse(RejectionReason.OUT_OF_STOCK)
                .expectCommand(ORDERS, REJECT_ORDER).succeed()
                .expectCompensated(RejectionReason.OUT_OF_STOCK);
    }

    @Test
    void aDeclinedPaymentCancelsTheShoppingListThenRejects() {
        saga.succeed().succeed().expectCommand(PAYMENTS, CONFIRM_PAYMENT).refuse(RejectionReason.INSUFFICIENT_FUNDS)
                .expectCommand(DEPOT, CANCEL_SHOPPING_LIST).succeed()
                .expectCommand(ORDERS, REJECT_ORDER).succeed()
                .expectCompensated(RejectionReason.INSUFFICIENT_FUNDS);
    }

    @Test
    void ignoresDuplicatedAndLateReplies() {
        Reply authorized = saga.successOfOutstanding();
        saga.succeed().expectIgnored(authorized)
                .refuse(RejectionReason.OUT_OF_STOCK)
                .expectIgnored(Reply.success(2, false))
                .expectIgnored(Reply.refused(2, RejectionReason.OUT_OF_STOCK))
                .expectCommand(ORDERS, REJECT_ORDER);
    }

    @Test
    void resendsTheOutstandingCommandAfterARestartOrATimeout() {
        saga.succeed().expectResent(DEPOT, RESERVE_STOCK)
                .refuse(RejectionReason.OUT_OF_STOCK).expectResent(ORDERS, REJECT_ORDER);
    }

    @Test
    void aFailedCompensationIsSentAgainNeverSkipped() {
        saga.succeed().succeed().refuse(RejectionReason.INSUFFICIENT_FUNDS)
                .expectCommand(DEPOT, CANCEL_SHOPPING_LIST).failCompensation()
                .expectCommand(DEPOT, CANCEL_SHOPPING_LIST).succeed()
                .expectCommand(ORDERS, REJECT_ORDER);
    }

    @Test
    void rejectsADefinitionWithoutActionsOrAStepWithNothing() {
        assertThatThrownBy(() -> SagaDefinition.named("empty").step("undo").compensateWith(ORDERS, REJECT_ORDER).build())
                .hasMessageContaining("no step with an action");
        assertThatThrownBy(() -> SagaDefinition.named("odd").step("nothing").build())
                .hasMessageContaining("neither an action nor a compensation");
        assertThatThrownBy(() -> SagaDefinition.named("odd").invoke(ORDERS, APPROVE_ORDER))
                .hasMessageContaining("needs a step(...) first");
    }
}
