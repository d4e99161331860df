package dev.txlab.cli.compare;

import dev.txlab.harness.cost.ForcedWriteComponents;
import dev.txlab.harness.cost.ForcedWriteTrace;
import dev.txlab.harness.cost.ForcedWrites;
import dev.txlab.harness.cost.LocalProcesses;
import dev.txlab.harness.store.ServerEndpoint;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.testkit.Servers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** strace counts primitives with a known number of forced writes: in this JVM exactly, in PostgreSQL as the server does. */
class ForcedWriteTraceIT {
    private static final int FORCES = 40;

    @TempDir
    Path runDir;

    @Test
    void countsEveryForceOfEveryThreadOnceAndNothingAfterTheWindow() throws Exception {
        Servers.assumeInstalled("strace", Path.of("/usr/bin/strace"), "bash .ci/run installs it");
        ForcedWriteComponents components = new ForcedWriteComponents(runDir, "txlab");
        ForcedWrites counted;
        try (ForcedWriteTrace trace = ForcedWriteTrace.start(List.of(), components)) {
            Thread writer = new Thread(() -> forceTimes(runDir.resolve("txlab_orders.mv.db"), FORCES));
            writer.start();
            writer.join();
            syncTimes(runDir.resolve("tm-log").toFile(), FORCES / 2);
            counted = trace.stop();
            forceTimes(runDir.resolve("txlab_orders.mv.db"), 3);
        }

        assertThat(counted.byComponent()).containsEntry("H2 orders", (long) FORCES)
                .containsEntry("tm-log", (long) FORCES / 2);
    }

    /**
     * PostgreSQL's WAL syncs, seen by strace attached to the server's processes, agree with the
     * server's own count ({@code pg_stat_wal.wal_sync}) and are at least one per commit.
     */
    @Test
    void countsThePostgresWalSyncsOfKnownCommitsAsTheServerItselfDoes() throws Exception {
        Servers.assumeInstalled("strace", Path.of("/usr/bin/strace"), "bash .ci/run installs it");
        Servers.assumeAvailable(StoreKind.POSTGRES);
        ForcedWriteComponents components = new ForcedWriteComponents(runDir, "txlab");
        ServerEndpoint server = ServerEndpoint.POSTGRES_DEFAULT;
        try (Connection connection = DriverManager.getConnection(server.urlOf("postgres"), server.user(),
                server.password()); Statement statement = connection.createStatement()) {
            // not a temporary table: PostgreSQL writes no WAL for one, and commits it without a sync
            statement.execute("DROP TABLE IF EXISTS txlab_forced_write_probe");
            statement.execute("CREATE TABLE txlab_forced_write_probe (n int)");
            long serverBefore = walSyncs(statement);
            ForcedWrites counted;
            try (ForcedWriteTrace trace = ForcedWriteTrace.start(LocalProcesses.named(Set.of("postgres")),
                    components)) {
                connection.setAutoCommit(false);
                for (int i = 0; i < FORCES; i++) {
                    statement.execute("INSERT INTO txlab_forced_write_probe VALUES (" + i + ")");
                    connection.commit();
                }
                connection.setAutoCommit(true);
                counted = trace.stop();
            }
            long serverCounted = walSyncs(statement) - serverBefore;
            statement.execute("DROP TABLE txlab_forced_write_probe");

            assertThat(counted.byComponent().get("PostgreSQL WAL")).as("at least one WAL sync per commit")
                    .isBetween((long) FORCES, (long) FORCES + 10)
                    .isCloseTo(serverCounted, org.assertj.core.data.Offset.offset(5L));
        }
    }

    /** The server's WAL syncs so far, this session's own flushed to the shared statistics first. */
    private static long walSyncs(Statement statement) throws Exception {
        statement.execute("SELECT pg_stat_force_next_flush()");
        statement.execute("SELECT pg_stat_clear_snapshot()");
        try (ResultSet row = statement.executeQuery("SELECT wal_sync FROM pg_stat_wal")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** {@code FileChannel.force}: fdatasync or fsync. */
    private static void forceTimes(Path file, int times) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            for (int i = 0; i < times; i++) {
                channel.write(ByteBuffer.wrap(new byte[] {(byte) i}));
                channel.force(i % 2 == 0);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code FileDescriptor.sync()}, the call Narayana's file store makes, which JFR does not see. */
    private static void syncTimes(java.io.File file, int times) throws Exception {
        try (RandomAccessFile out = new RandomAccessFile(file, "rw")) {
            for (int i = 0; i < times; i++) {
                out.write(i);
                out.getFD().sync();
            }
        }
    }
}
