package dev.txlab.harness.workload;

import dev.txlab.domain.model.OrderRequest;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkloadTest {

    @Test
    void theSameSeedGivesTheSameDataAndOrdersInTheSameOrder() {
        WorkloadSpec spec = WorkloadSpec.builder().seed(5).orders(500).build();
        Workload first = Workload.of(spec);
        Workload second = Workload.of(spec);
        assertThat(second.initialState()).isEqualTo(first.initialState());
        for (int i = 0; i < spec.orders(); i++) {
            assertThat(second.order(i)).isEqualTo(first.order(i));
        }
    }

    @Test
    void anotherSeedGivesOtherOrders() {
        Workload a = Workload.of(WorkloadSpec.builder().seed(1).orders(50).build());
        Workload b = Workload.of(WorkloadSpec.builder().seed(2).orders(50).build());
        long same = java.util.stream.IntStream.range(0, 50).filter(i -> a.order(i).equals(b.order(i))).count();
        assertThat(same).isLessThan(5);
    }

    @Test
    void refusalKindsOccurAtRoughlyTheirRates() {
        Workload workload = Workload.of(WorkloadSpec.builder().orders(20_000).refusalRate(0.05).build());
        Map<OrderKind, Integer> counts = new EnumMap<>(OrderKind.class);
        for (int i = 0; i < workload.size(); i++) {
            counts.merge(workload.kind(i), 1, Integer::sum);
        }
        for (OrderKind kind : new OrderKind[] {OrderKind.UNKNOWN_CUSTOMER, OrderKind.DISABLED_CUSTOMER,
                OrderKind.OUT_OF_STOCK, OrderKind.INSUFFICIENT_FUNDS}) {
            assertThat(counts.get(kind)).as(kind.name()).isBetween(800, 1200);
        }
    }

    @Test
    void skewMakesTheFirstProductTheHottest() {
        Workload workload = Workload.of(WorkloadSpec.builder().orders(5_000).products(50).skew(1.2).build());
        Map<String, Integer> demand = new HashMap<>();
        for (int i = 0; i < workload.size(); i++) {
            workload.order(i).lines().forEach(line -> demand.merge(line.sku(), 1, Integer::sum));
        }
        String hottest = demand.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(hottest).isEqualTo("sku00001");
        assertThat(demand.get("sku00001")).isGreaterThan(5 * demand.getOrDefault("sku00050", 1));
    }

    @Test
    void outOfStockOrdersAskForMoreThanTheInitialStock() {
        Workload workload = Workload.of(WorkloadSpec.builder().orders(2_000).build());
        for (int i = 0; i < workload.size(); i++) {
            if (workload.kind(i) == OrderKind.OUT_OF_STOCK) {
                OrderRequest order = workload.order(i);
                long stock = workload.initialState().products().stream()
                        .filter(p -> p.sku().equals(order.lines().get(0).sku())).findFirst().orElseThrow().stock();
                assertThat(order.lines().get(0).quantity()).isGreaterThan(stock);
            }
        }
    }

    @Test
    void ampleStockAndBalancesMakeTheWorkloadConflictFree() {
        assertThat(WorkloadSpec.ofDefaults().conflictFree()).isTrue();
        assertThat(WorkloadSpec.builder().initialStock(10).build().conflictFree()).isFalse();
        WorkloadSpec spec = WorkloadSpec.builder().orders(1_000).build();
        Workload workload = Workload.of(spec);
        long mostDemanded = workload.initialState().products().get(0).stock();
        assertThat(mostDemanded).isGreaterThan((long) spec.orders() * spec.maxQuantity());
    }

    @Test
    void findsTheNthOrderOfAKind() {
        Workload workload = Workload.of(WorkloadSpec.builder().orders(200).build());
        int third = workload.indexOf(OrderKind.REGULAR, 3);
        assertThat(workload.kind(third)).isEqualTo(OrderKind.REGULAR);
        assertThat(java.util.stream.IntStream.range(0, third).filter(i -> workload.kind(i) == OrderKind.REGULAR).count())
                .isEqualTo(2);
        assertThatThrownBy(() -> workload.indexOf(OrderKind.REGULAR, 1_000)).hasMessageContaining("fewer than 1000");
    }

    @Test
    void aSpecSurvivesItsTextForm() {
        WorkloadSpec spec = WorkloadSpec.builder().seed(9).orders(77).skew(0.5).initialStock(12).refusalRate(0.1).build();
        assertThat(WorkloadSpec.parse(spec.toText())).isEqualTo(spec);
    }

    @Test
    void rejectsImpossibleSpecsWithAClearMessage() {
        assertThatThrownBy(() -> WorkloadSpec.builder().orders(-1).build()).hasMessageContaining("orders must not be negative");
        assertThatThrownBy(() -> WorkloadSpec.builder().refusalRate(0.3).build()).hasMessageContaining("add up to at most 1");
        assertThatThrownBy(() -> WorkloadSpec.builder().skew(-1).build()).hasMessageContaining("skew");
        assertThatThrownBy(() -> WorkloadSpec.parse("seed=1;")).hasMessageContaining("lacks 'orders'");
    }
}
