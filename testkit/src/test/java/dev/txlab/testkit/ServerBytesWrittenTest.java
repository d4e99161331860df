package dev.txlab.testkit;

import dev.txlab.domain.model.OrderEvent;
import dev.txlab.domain.service.OrderEventStore;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.store.BytesWritten;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.store.Stores;
import dev.txlab.harness.store.Topology;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a database server, the bytes written are in the server's log the moment the commit returns: a
 * reading taken right after a short run sees them (PostgreSQL's pg_stat_wal did not, until each
 * session flushed its statistics).
 */
class ServerBytesWrittenTest {
    private static final int ROWS = 200;
    private static final int PAYLOAD = 3_000;

    @ParameterizedTest
    @EnumSource(value = StoreKind.class, names = {"POSTGRES", "MARIADB"})
    void aCommitJustMadeIsCountedAtOnce(StoreKind kind) throws Exception {
        StoreConfig config = TestStores.of(StoreKind.H2_MEM, "t_bytes_written").stores(kind.id()).build();
        Servers.assumeAvailable(kind);
        Stores.reset(config);
        try (Stores stores = Stores.open(config, Topology.DATABASE_PER_SERVICE, JdbcDecorator.of())) {
            BytesWritten written = BytesWritten.from(stores);
            try (Connection c = stores.dataSource(ServiceName.ORDERS).getConnection()) {
                Random random = new Random(42);
                List<OrderEvent> events = new ArrayList<>();
                for (int i = 0; i < ROWS; i++) {
                    events.add(new OrderEvent("o" + i, 1, OrderEvent.Type.CREATED, incompressible(random), i));
                }
                OrderEventStore.append(c, events);
                c.commit();
            }

            BytesWritten.Reading reading = written.sinceStart();

            assertThat(reading.bytesBySource()).hasSize(1);
            assertThat(reading.total()).as("%d rows of %d bytes on %s", ROWS, PAYLOAD, kind)
                    .isGreaterThan((long) ROWS * PAYLOAD / 2);
        }
    }

    /** Random letters: PostgreSQL compresses a long repetitive value before it reaches the log. */
    private static String incompressible(Random random) {
        StringBuilder payload = new StringBuilder(PAYLOAD);
        for (int i = 0; i < PAYLOAD; i++) {
            payload.append((char) ('a' + random.nextInt(26)));
        }
        return payload.toString();
    }
}
