package dev.txlab.bench;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The event-sourcing benchmarks' states driven by hand: each operation does the work it claims to time. */
class EventSourcingBenchmarksTest {

    @Test
    void anAccountLoadsToTheSameBalanceWithAndWithoutSnapshots() throws Exception {
        for (int snapshotEvery : new int[] {0, 100}) {
            AccountLoadBenchmark benchmark = new AccountLoadBenchmark();
            benchmark.length = 250;
            benchmark.snapshotEvery = snapshotEvery;
            benchmark.writeStream();
            try {
                assertThat(benchmark.load()).as("snapshots every %d", snapshotEvery).isEqualTo(1_000_000_000L - 249);
            } finally {
                benchmark.close();
            }
        }
    }

    @Test
    void eachProjectionOperationProjectsEveryEventFromZero() throws Exception {
        ProjectionBenchmark benchmark = new ProjectionBenchmark();
        benchmark.orders = 300;
        benchmark.writeStreams();
        try {
            for (int invocation = 0; invocation < 2; invocation++) {
                benchmark.unproject();
                assertThat(benchmark.projectAll()).isEqualTo(600);
                try (Connection c = benchmark.ordersDb.getConnection(); Statement s = c.createStatement();
                     ResultSet rows = s.executeQuery("SELECT COUNT(*), SUM(CASE WHEN status = 'APPROVED' THEN 1 "
                             + "ELSE 0 END) FROM order_summary")) {
                    rows.next();
                    assertThat(rows.getLong(1)).isEqualTo(300);
                    assertThat(rows.getLong(2)).isEqualTo(300);
                    c.rollback();
                }
            }
        } finally {
            benchmark.close();
        }
    }
}
