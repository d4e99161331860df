package dev.txlab.messaging.outbox;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.audit.Invariant;
import dev.txlab.harness.audit.Violation;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.store.Stores;
import dev.txlab.harness.store.Topology;
import dev.txlab.messaging.Message;
import dev.txlab.messaging.MessageCodec;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxLeftoversTest {
    @Test
    void reportsEveryUnpublishedRowAsALeftover() throws Exception {
        StoreConfig config = StoreConfig.builder().allServices(StoreKind.H2_MEM).prefix("outbox_leftovers").build();
        Stores.reset(config);
        try (Stores stores = Stores.open(config, Topology.DATABASE_PER_SERVICE, JdbcDecorator.of())) {
            try (Connection c = stores.dataSource(ServiceName.DEPOT).getConnection()) {
                new Outbox(new MessageCodec(), Clock.systemUTC()).append(c, "depot.events",
                        Message.create("StockReserved", "o7", null, Instant.now(), "{}"));
                c.commit();
            }

            List<Violation> leftovers = new OutboxLeftovers().find(stores, null);

            assertThat(leftovers).singleElement().satisfies(v -> {
                assertThat(v.invariant()).isEqualTo(Invariant.I3_NO_LEFTOVERS);
                assertThat(v.subject()).isEqualTo("o7");
                assertThat(v.found()).contains("never published from the depot database");
            });
        }
    }
}
