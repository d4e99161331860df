package dev.txlab.saga.choreo;

import dev.txlab.domain.model.OrderLine;
import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.model.Outcome;
import dev.txlab.domain.model.RejectionReason;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.workload.InitialState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static dev.txlab.saga.choreo.Choreography.CUSTOMER_AUTHORIZED;
import static dev.txlab.saga.choreo.Choreography.CUSTOMER_REJECTED;
import static dev.txlab.saga.choreo.Choreography.ORDER_CREATED;
import static dev.txlab.saga.choreo.Choreography.PAYMENT_CONFIRMED;
import static dev.txlab.saga.choreo.Choreography.PAYMENT_DECLINED;
import static dev.txlab.saga.choreo.Choreography.STOCK_REJECTED;
import static dev.txlab.saga.choreo.Choreography.STOCK_RELEASED;
import static dev.txlab.saga.choreo.Choreography.STOCK_RESERVED;
import static org.assertj.core.api.Assertions.assertThat;

/** Every path of the choreography, event by event, without a broker. */
class ChoreographyTest {
    private static final List<OrderLine> LINES = List.of(new OrderLine("sku1", 2, 100));
    private ChoreographyTestSupport support;

    @BeforeEach
    void open() throws SQLException {
        support = ChoreographyTestSupport.create("choreo_flow", new InitialState(
                List.of(new InitialState.Customer("alice", "Alice", true), new InitialState.Customer("bob", "Bob", false),
                        new InitialState.Customer("carol", "Carol", true)),
                Map.of("alice", 1_000L, "carol", 50L),
                List.of(new InitialState.Product("sku1", "one", 100, 5), new InitialState.Product("sku9", "nine", 100, 1))));
    }

    @AfterEach
    void close() {
        support.close();
    }

    @Test
    void approvesAfterAuthorizationReservationAndPayment() throws SQLException {
        support.given(new OrderRequest("o1", "alice", LINES))
                .deliver(ORDER_CREATED).expectEmitted(CUSTOMER_AUTHORIZED)
                .deliverEmitted().expectEmitted(STOCK_RESERVED)
                .deliverEmitted().expectEmitted(PAYMENT_CONFIRMED)
                .deliverEmitted().expectNothingEmitted().expectOutcome(Outcome.APPROVED);

        assertThat(support.stockOf("sku1")).isEqualTo(3);
        assertThat(support.balanceOf("alice")).isEqualTo(800);
    }

    @Test
    void rejectsAnUnknownOrDisabledCustomerWithNothingToUndo() throws SQLException {
        support.given(new OrderRequest("o2", "nobody", LINES))
                .deliver(ORDER_CREATED).expectEmitted(CUSTOMER_REJECTED).expectReason(RejectionReason.UNKNOWN_CUSTOMER)
                .deliverEmitted().expectOutcome(Outcome.rejected(RejectionReason.UNKNOWN_CUSTOMER));
        support.given(new OrderRequest("o3", "bob", LINES))
                .deliver(ORDER_CREATED).expectReason(RejectionReason.CUSTOMER_DISABLED)
                .deliverEmitted().expectOutcome(Outcome.rejected(RejectionReason.CUSTOMER_DISABLED));

        assertThat(support.stockOf("sku1")).isEqualTo(5);
    }

    @Test
    void rejectsAShortProductWithoutReservingAnything() throws SQLException {
        support.given(new OrderRequest("o4", "alice", List.of(new OrderLine("sku1", 1, 100), new OrderLine("sku9", 2, 100))))
                .deliver(ORDER_CREATED)
                .deliverEmitted().expectEmitted(STOCK_REJECTED).expectReason(RejectionReason.OUT_OF_STOCK)
                .deliverEmitted().expectOutcome(Outcome.rejected(RejectionReason.OUT_OF_STOCK));

        assertThat(support.stockOf("sku1")).isEqualTo(5);
        assertThat(support.stockOf("sku9")).isEqualTo(1);
    }

    @Test
    void restocksBeforeRejectingWhenThePaymentIsDeclined() throws SQLException {
        ChoreographyTestSupport.Saga saga = support.given(new OrderRequest("o5", "carol", LINES))
                .deliver(ORDER_CREATED)
                .deliverEmitted().expectEmitted(STOCK_RESERVED)
                .deliverEmitted().expectEmitted(PAYMENT_DECLINED).expectReason(RejectionReason.INSUFFICIENT_FUNDS);
        assertThat(support.stockOf("sku1")).as("held until the compensation").isEqualTo(3);

        saga.deliverEmitted().expectEmitted(STOCK_RELEASED).expectReason(RejectionReason.INSUFFICIENT_FUNDS)
                .deliverEmitted().expectOutcome(Outcome.rejected(RejectionReason.INSUFFICIENT_FUNDS));

        assertThat(support.stockOf("sku1")).isEqualTo(5);
        assertThat(support.balanceOf("carol")).isEqualTo(50);
    }

    @Test
    void absorbsADuplicatedEventWithNoSecondEffect() throws SQLException {
        ChoreographyTestSupport.Saga saga = support.given(new OrderRequest("o6", "alice", LINES))
                .deliver(ORDER_CREATED).deliverEmitted().deliverEmitted();
        Consequences.Emitted confirmed = saga.lastEmitted();

        saga.deliver(STOCK_RESERVED).expectEmitted(PAYMENT_CONFIRMED)
                .deliver(confirmed.type(), confirmed.event()).expectOutcome(Outcome.APPROVED)
                .deliver(confirmed.type(), confirmed.event()).expectOutcome(Outcome.APPROVED);

        assertThat(support.balanceOf("alice")).as("paid once").isEqualTo(800);
        assertThat(support.stockOf("sku1")).as("reserved once").isEqualTo(3);
        assertThat(support.count(ServiceName.PAYMENTS, "SELECT COUNT(*) FROM payments WHERE order_id = ?", "o6"))
                .isEqualTo(1);
    }

    @Test
    void aReservationArrivingAfterItsCancellationHasNoEffect() throws SQLException {
        OrderRequest order = new OrderRequest("o7", "carol", LINES);
        ChoreographyTestSupport.Saga saga = support.given(order);

        saga.deliver(PAYMENT_DECLINED, OrderEvent.of(order).refused(RejectionReason.INSUFFICIENT_FUNDS))
                .expectEmitted(STOCK_RELEASED)
                .deliverEmitted().expectOutcome(Outcome.rejected(RejectionReason.INSUFFICIENT_FUNDS))
                .deliver(CUSTOMER_AUTHORIZED).expectNothingEmitted();

        assertThat(support.stockOf("sku1")).as("nothing stays reserved for a rejected order").isEqualTo(5);
        assertThat(support.count(ServiceName.DEPOT,
                "SELECT COUNT(*) FROM shopping_lists WHERE order_id = ? AND status = 'ACTIVE'", "o7")).isZero();
    }
}
