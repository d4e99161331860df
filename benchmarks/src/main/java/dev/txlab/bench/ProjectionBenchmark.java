package dev.txlab.bench;

import dev.txlab.domain.model.OrderEvent;
import dev.txlab.domain.model.OrderLine;
import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.service.OrderEventStore;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.readmodel.ReadModelProjector;
import dev.txlab.harness.run.FileTrees;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.store.Stores;
import dev.txlab.harness.store.Topology;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The read models' projector catching up from zero: {@code orders} orders' streams (created, then
 * approved: two events each) in the orders database, an H2 file, all unprojected; one operation =
 * {@link ReadModelProjector#projectAll} applying and marking every event in batches of
 * {@link ReadModelProjector#BATCH}. Events per second = 2 x orders / the time of one operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
public class ProjectionBenchmark {
    private static final int CUSTOMERS = 1_000;

    @Param({"10000"})
    public int orders;

    Path dataDir;
    private Stores stores;
    DataSource ordersDb;

    @Setup(Level.Trial)
    public void writeStreams() throws IOException, SQLException {
        dataDir = Files.createTempDirectory("txlab-bench-projection");
        StoreConfig config = StoreConfig.builder().allServices(StoreKind.H2_FILE).prefix("bench_projection")
                .dataDir(dataDir).build();
        Stores.reset(config);
        stores = Stores.open(config, Topology.DATABASE_PER_SERVICE, JdbcDecorator.of());
        ordersDb = stores.dataSource(ServiceName.ORDERS);
        try (Connection connection = ordersDb.getConnection()) {
            for (int i = 0; i < orders; i++) {
                String orderId = String.format("o%08d", i + 1);
                OrderRequest order = new OrderRequest(orderId, "c" + (i % CUSTOMERS),
                        List.of(new OrderLine("p" + (i % 100), 1 + i % 3, 100 + i % 900)));
                OrderEventStore.append(connection, List.of(OrderEvent.created(order, 1, i),
                        OrderEvent.approved(orderId, 2, i + 1)));
                if (i % 500 == 499) {
                    connection.commit();
                }
            }
            connection.commit();
        }
    }

    /** Every event unprojected again, the views empty. */
    @Setup(Level.Invocation)
    public void unproject() throws SQLException {
        try (Connection connection = ordersDb.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE order_events SET projected = FALSE");
            statement.executeUpdate("DELETE FROM order_summary");
            statement.executeUpdate("DELETE FROM customer_orders");
            connection.commit();
        }
    }

    @Benchmark
    public long projectAll() throws SQLException {
        return ReadModelProjector.projectAll(ordersDb);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        stores.close();
        FileTrees.deleteIfExists(dataDir);
    }
}
