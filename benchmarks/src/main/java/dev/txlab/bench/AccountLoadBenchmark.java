package dev.txlab.bench;

import dev.txlab.domain.model.AccountEvent;
import dev.txlab.domain.model.AccountState;
import dev.txlab.domain.service.AccountEventStore;
import dev.txlab.domain.service.ServiceName;
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
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Loading one event-sourced account (its balance) from a stream of {@code length} events, with
 * snapshots every {@code snapshotEvery} events (0: none, the whole stream replayed): one operation =
 * one load in a read transaction of the payments database, an H2 file, as the payments service loads
 * an account before each debit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AccountLoadBenchmark {
    static final String ACCOUNT = "c-bench";
    private static final int COMMIT_EVERY = 500;

    @Param({"10", "100", "1000", "10000"})
    public int length;

    @Param({"0", "100"})
    public int snapshotEvery;

    Path dataDir;
    private Stores stores;
    private DataSource payments;

    @Setup(Level.Trial)
    public void writeStream() throws IOException, SQLException {
        dataDir = Files.createTempDirectory("txlab-bench-accounts");
        StoreConfig config = StoreConfig.builder().allServices(StoreKind.H2_FILE).prefix("bench_accounts")
                .dataDir(dataDir).build();
        Stores.reset(config);
        stores = Stores.open(config, Topology.DATABASE_PER_SERVICE, JdbcDecorator.of());
        payments = stores.dataSource(ServiceName.PAYMENTS);
        try (Connection connection = payments.getConnection()) {
            AccountState state = new AccountState(ACCOUNT, 1_000_000_000L, 1);
            AccountEventStore.append(connection, AccountEvent.opened(ACCOUNT, state.balanceCents(), 0), state,
                    snapshotEvery);
            for (int version = 2; version <= length; version++) {
                state = new AccountState(ACCOUNT, state.balanceCents() - 1, version);
                AccountEventStore.append(connection, AccountEvent.debited(ACCOUNT, version, 1, "o" + version, 0),
                        state, snapshotEvery);
                if (version % COMMIT_EVERY == 0) {
                    connection.commit();
                }
            }
            connection.commit();
        }
    }

    @Benchmark
    public long load() throws SQLException {
        try (Connection connection = payments.getConnection()) {
            AccountEventStore.Loaded loaded = AccountEventStore.load(connection, ACCOUNT, snapshotEvery > 0);
            connection.rollback();
            return loaded.state().orElseThrow().balanceCents();
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        stores.close();
        FileTrees.deleteIfExists(dataDir);
    }
}
