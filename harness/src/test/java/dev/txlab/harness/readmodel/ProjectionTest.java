package dev.txlab.harness.readmodel;

import dev.txlab.domain.model.OrderEvent;
import dev.txlab.domain.model.OrderLine;
import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.model.OrderStatus;
import dev.txlab.domain.model.RejectionReason;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectionTest {
    private static final OrderRequest ORDER = new OrderRequest("o1", "c1",
            List.of(new OrderLine("p1", 2, 150), new OrderLine("p2", 1, 700)));

    @Test
    void createdThenApprovedGivesTheSummaryAndTheCustomersApprovedTotal() {
        Projection projection = Projection.fromZero();

        assertThat(projection.apply(OrderEvent.created(ORDER, 1, 10))).isEqualTo(Projection.Result.APPLIED);
        assertThat(projection.apply(OrderEvent.approved("o1", 2, 20))).isEqualTo(Projection.Result.APPLIED);

        assertThat(projection.inserted()).containsExactly(new OrderSummary("o1", "c1", OrderStatus.APPROVED, 1_000, 3,
                20L, 2));
        assertThat(projection.updated()).as("created in this projection: inserted, not updated").isEmpty();
        assertThat(projection.customerChanges()).containsExactly(new CustomerOrders("c1", 1, 1_000));
    }

    @Test
    void anEventAppliedBeforeChangesNothingAndOneAheadWaits() {
        OrderSummary pending = OrderSummary.created(ORDER);
        Projection projection = new Projection(Map.of("o1", pending));

        assertThat(projection.apply(OrderEvent.created(ORDER, 1, 10))).isEqualTo(Projection.Result.ALREADY_APPLIED);
        assertThat(projection.apply(new OrderEvent("o1", 3, OrderEvent.Type.APPROVED, "", 30)))
                .isEqualTo(Projection.Result.NOT_YET);
        assertThat(projection.inserted()).isEmpty();
        assertThat(projection.updated()).isEmpty();
        assertThat(projection.customerChanges()).isEmpty();

        assertThat(projection.apply(OrderEvent.rejected("o1", 2, RejectionReason.OUT_OF_STOCK, 20)))
                .isEqualTo(Projection.Result.APPLIED);
        assertThat(projection.updated()).singleElement().satisfies(summary -> {
            assertThat(summary.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(summary.decidedAtMs()).isEqualTo(20L);
        });
        assertThat(projection.customerChanges()).as("a rejection adds nothing to the approved total").isEmpty();
    }

    @Test
    void aDecisionForAnOrderAlreadyDecidedIsMalformedAndChangesNothing() {
        Projection projection = new Projection(Map.of("o1", OrderSummary.created(ORDER).decided(OrderStatus.APPROVED,
                20, 2)));

        assertThatThrownBy(() -> projection.apply(new OrderEvent("o1", 3, OrderEvent.Type.REJECTED,
                "reason=OUT_OF_STOCK", 30))).isInstanceOf(OrderEvent.MalformedEvent.class)
                .hasMessageContaining("order o1, event version 3");
        assertThat(projection.updated()).isEmpty();
    }
}
