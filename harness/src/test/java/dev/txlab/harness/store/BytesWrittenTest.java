package dev.txlab.harness.store;

import dev.txlab.domain.model.OrderEvent;
import dev.txlab.domain.service.OrderEventStore;
import dev.txlab.domain.service.ServiceName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bytes written on H2 files are the growth of the run's database files, per order in words. */
class BytesWrittenTest {
    @TempDir
    Path dataDir;

    @Test
    void theGrowthOfTheH2FilesIsWhatTheyWrote() throws Exception {
        StoreConfig config = StoreConfig.builder().prefix("bytes_written").dataDir(dataDir).build();
        Stores.reset(config);
        try (Stores stores = Stores.open(config, Topology.DATABASE_PER_SERVICE, JdbcDecorator.of())) {
            BytesWritten written = BytesWritten.from(stores);
            try (Connection c = stores.dataSource(ServiceName.ORDERS).getConnection()) {
                List<OrderEvent> events = new ArrayList<>();
                for (int i = 0; i < 2_000; i++) {
                    events.add(new OrderEvent("o" + i, 1, OrderEvent.Type.CREATED, "x".repeat(3_000), i));
                }
                OrderEventStore.append(c, events);
                c.commit();
            }

            BytesWritten.Reading reading = written.sinceStart();

            assertThat(reading.bytesBySource()).containsOnlyKeys("H2 database file growth");
            assertThat(reading.total()).as("2,000 rows of 3,000 bytes").isGreaterThan(2_000L * 3_000 / 2);
            assertThat(reading.describePerOrder(2_000)).matches("bytes written per order \\(mean over 2000 orders\\): "
                    + "[0-9,]+ \\(H2 database file growth [0-9,]+\\)");
        }
    }
}
