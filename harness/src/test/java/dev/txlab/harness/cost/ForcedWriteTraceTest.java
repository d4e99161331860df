package dev.txlab.harness.cost;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ForcedWriteTraceTest {
    private final ForcedWriteComponents components = new ForcedWriteComponents(Path.of("/data/txlab"), "txlab");

    @Test
    void countsOnlyBetweenTheMarkersAndOnceForAnInterruptedCall() {
        List<String> lines = List.of(
                "100 fdatasync(7</data/txlab/txlab_orders.mv.db>) = 0",
                "100 fdatasync(9</tmp/w/window-opens>) = 0",
                "100 fdatasync(9</tmp/w/window-opens>) = 0",
                "101 fsync(12</data/txlab/tm-xa-atomikos/tmlog3.log> <unfinished ...>",
                "102 fdatasync(7</data/txlab/txlab_orders.mv.db>) = 0",
                "101 <... fsync resumed>) = 0",
                "103 msync(0x7f0000000000, 4096, MS_SYNC) = 0",
                "104 fdatasync(5</var/lib/postgresql/15/main/pg_wal/000000010000000000000001>) = 0",
                "100 fdatasync(10</tmp/w/window-closes>) = 0",
                "102 fdatasync(7</data/txlab/txlab_orders.mv.db>) = 0");

        ForcedWrites counted = ForcedWriteTrace.count(lines, "/tmp/w/window-opens", "/tmp/w/window-closes",
                components);

        assertThat(counted.byComponent()).isEqualTo(Map.of("tm-xa-atomikos", 1L, "H2 orders", 1L,
                "msync (no file)", 1L, "PostgreSQL WAL", 1L));
        assertThat(counted.total()).isEqualTo(4);
        assertThat(counted.perOrder(2)).containsEntry("H2 orders", 0.5);
    }

    @Test
    void namesServerFilesAndFilesOutsideTheRun() {
        assertThat(components.of("fsync", "/data/txlab/broker-artemis/journal/activemq-data-2.amq"))
                .isEqualTo("broker-artemis");
        assertThat(components.of("fsync", "/data/txlab/ledger-postgres-127.0.0.1-5432.txt"))
                .isEqualTo(ForcedWriteComponents.LEDGER);
        assertThat(components.of("fsync", "/var/lib/mysql/ib_logfile0")).isEqualTo("MariaDB redo log");
        assertThat(components.of("fsync", "/var/lib/mysql/ibdata1")).isEqualTo("MariaDB data files");
        assertThat(components.of("fsync", "/var/lib/postgresql/15/main/base/1/2")).isEqualTo("PostgreSQL data files");
        assertThat(components.of("fsync", "/var/lib/nats-server/jetstream/a/b")).isEqualTo("NATS store");
        assertThat(components.of("fsync", "/home/x/notes.txt")).isEqualTo("other: /home/x/notes.txt");
        assertThat(components.of("sync", null)).isEqualTo("sync (no file)");
    }

    @Test
    void perOrderNeedsAnOrder() {
        assertThatThrownBy(() -> new ForcedWrites(Map.of("H2 orders", 3L)).perOrder(0))
                .hasMessageContaining("at least one order");
    }
}
