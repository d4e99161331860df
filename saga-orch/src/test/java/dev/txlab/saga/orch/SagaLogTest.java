package dev.txlab.saga.orch;

import dev.txlab.domain.model.RejectionReason;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.store.Stores;
import dev.txlab.harness.store.Topology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The saga log keeps positions and refuses a change based on a version someone else already moved on from. */
class SagaLogTest {
    private final SagaLog log = new SagaLog();
    private final SagaEngine engine = new SagaEngine();
    private Stores stores;

    @BeforeEach
    void open() {
        StoreConfig config = StoreConfig.builder().allServices(StoreKind.H2_MEM).prefix("saga_log_test").build();
        Stores.reset(config);
        stores = Stores.open(config, Topology.DATABASE_PER_SERVICE, JdbcDecorator.of());
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void twoCoordinatorsCannotBothAdvanceOneSaga() throws SQLException {
        try (Connection connection = stores.dataSource(ServiceName.ORDERS).getConnection()) {
            log.insert(connection, "o1", CreateOrderSaga.DEFINITION, engine.start(CreateOrderSaga.DEFINITION).position(),
                    "{}", 1);
            connection.commit();
            SagaLog.Instance seenByFirst = log.find(connection, "o1").orElseThrow();
            SagaLog.Instance seenBySecond = log.find(connection, "o1").orElseThrow();
            SagaPosition refused = new SagaPosition(0, true, RejectionReason.OUT_OF_STOCK, SagaPosition.Status.RUNNING);

            log.update(connection, seenByFirst, refused, 2);

            assertThatThrownBy(() -> log.update(connection, seenBySecond, refused, 3))
                    .isInstanceOf(SagaLog.StaleSagaException.class).hasMessageContaining("moved on since version 0");
            connection.commit();
            SagaLog.Instance stored = log.find(connection, "o1").orElseThrow();
            assertThat(stored.position()).isEqualTo(refused);
            assertThat(stored.version()).isEqualTo(1);
            assertThat(log.running(connection)).isEqualTo(1);
            connection.rollback();
        }
    }
}
