package dev.txlab.bench;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.testkit.TestStores;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JMH benchmark's state driven by hand: its operation places real orders, and its trial ends with the audit. */
class PlaceOrderBenchmarkTest {

    private static PlaceOrderBenchmark benchmark(PlaceOrderBenchmark.Implementation implementation) {
        PlaceOrderBenchmark benchmark = new PlaceOrderBenchmark();
        benchmark.implementation = implementation;
        benchmark.store = "h2-file";
        benchmark.durability = "process";
        benchmark.network = "none";
        benchmark.refusalRate = 0.02;
        benchmark.skew = 1.0;
        benchmark.transport = "artemis";
        benchmark.dataDir = TestStores.dataDir().resolve("jmh");
        return benchmark;
    }

    @Test
    void eachOperationPlacesAnOrderToItsOutcomeAndTheTrialPassesItsAudit() throws Exception {
        PlaceOrderBenchmark benchmark = benchmark(PlaceOrderBenchmark.Implementation.SAGA_CHOREO);
        benchmark.prepareRun(4);
        for (int i = 0; i < 20; i++) {
            assertThat(benchmark.placeOrder().outcome()).isNotNull();
        }
        assertThat(benchmark.run().audit().acknowledged()).isEqualTo(20);
        benchmark.auditRun();
    }

    @Test
    void aTrialWhoseAuditFailsFailsTheBenchmarkNamingTheViolation() throws Exception {
        PlaceOrderBenchmark benchmark = benchmark(PlaceOrderBenchmark.Implementation.LOCAL_BASELINE);
        benchmark.prepareRun(4);
        for (int i = 0; i < 5; i++) {
            benchmark.placeOrder();
        }
        try (Connection connection = benchmark.run().stores().dataSource(ServiceName.ORDERS).getConnection();
             Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("UPDATE orders SET status = 'PENDING' WHERE order_id = 'o00000003'"))
                    .isOne();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }

        assertThatThrownBy(benchmark::auditRun).hasMessageContaining("the audit failed, so this is not a result")
                .hasMessageContaining("o00000003");
    }
}
