package dev.txlab.harness.run;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** A run whose orders cannot be placed says how many submits failed and why, whoever drove it. */
class FailedSubmitsTest {

    @Test
    void countsEverySubmitThatFailedWithItsCauseInOneLine() throws Exception {
        StoreConfig store = StoreConfig.builder().allServices(StoreKind.H2_MEM).prefix("failed_submits").build();
        WorkloadSpec spec = WorkloadSpec.builder().seed(5).orders(40).refusalRate(0.1).build();
        try (Run run = Run.prepare(RunOptions.builder(store, ImplementationId.LOCAL_BASELINE)
                .workload(spec)
                .callers(2)
                .build())) {
            try (Connection connection = run.stores().dataSource(ServiceName.ORDERS).getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE payments");
                connection.commit();
            }

            RunResult result = run.execute(OrderListener.NONE);

            assertThat(result.failedSubmits()).isPositive();
            assertThat(run.submitFailures().count()).isEqualTo(result.failedSubmits());
            assertThat(run.submitFailures().firstCause()).hasValueSatisfying(cause ->
                    assertThat(cause).containsIgnoringCase("PAYMENTS").doesNotContain("\n"));
            assertThat(run.submitFailures().byCause().values().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(result.failedSubmits());
        }
    }
}
