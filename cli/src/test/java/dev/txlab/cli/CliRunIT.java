package dev.txlab.cli;

import dev.txlab.harness.run.Ledger;
import dev.txlab.harness.run.Ledgers;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.testkit.Servers;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code txlab run} then {@code txlab audit} with the same placement flags, through the shaded jar. */
class CliRunIT {

    @Test
    void runsAuditsAndPrintsEveryFigureWithItsUnit() throws Exception {
        CliJar.Outcome run = CliJar.run("run", "--impl", "local-baseline", "--orders", "300", "--concurrency", "4",
                "--skew", "1.2", "--data-dir", CliJar.dataDir(), "--db-prefix", "t_cli_run", "--no-progress");

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stdout())
                .contains("local-baseline on h2-file (durability process), 300 orders, concurrency 4")
                .contains("conflict-free: yes, orders model: state")
                .containsPattern("throughput: [0-9.]+ orders/s \\(300 orders reached an outcome")
                .containsPattern("outcome latency, submit to final outcome \\(ms, n=300\\): p50 [0-9.]+  p90 [0-9.]+"
                        + "  p99 [0-9.]+  max [0-9.]+  mean [0-9.]+ \\+- [0-9.]+ \\(stddev\\)")
                .contains("outcomes (orders): APPROVED ")
                .containsPattern("cost per order \\(mean over 300 orders.*round trips [0-9.]+, statements [0-9.]+, commits 1.00")
                .containsPattern("bytes written per order \\(mean over 300 orders\\): -?[0-9,]+ \\(H2 database file "
                        + "growth -?[0-9,]+\\)")
                .contains("termination bound (I5): ")
                .contains("audit (300 orders, 300 acknowledged): invariants: OK");

        CliJar.Outcome audit = CliJar.run("audit", "--data-dir", CliJar.dataDir(), "--db-prefix", "t_cli_run",
                "--tm-store", "file");
        assertThat(audit.exitCode()).as(audit.stdout() + audit.stderr()).isZero();
        assertThat(audit.stdout()).containsPattern("txlab audit: run [0-9]{8}T[0-9]{6}Z-[0-9a-f]{6}, local-baseline, started ")
                .contains("invariants: OK");
    }

    @Test
    void countsForcedWritesPerOrderByComponentWhenAsked() throws Exception {
        Servers.assumeInstalled("strace", Path.of("/usr/bin/strace"), "bash .ci/run installs it");
        CliJar.Outcome run = CliJar.run("run", "--impl", "xa-atomikos", "--orders", "200", "--count-forced-writes",
                "--data-dir", CliJar.dataDir(), "--db-prefix", "t_cli_forced", "--no-progress");

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        // Atomikos forces its log under durability process too: about 2 per order
        assertThat(run.stdout()).containsPattern("forced writes per order \\(strace attached .*\\): [0-9.]+ "
                + "\\(tm-xa-atomikos [1-9][0-9.]*.*; 200 orders\\)");
    }

    @Test
    void anOpenLoopAtARateForADurationPrintsEachMinuteAndItsFlatnessAndAudits() throws Exception {
        CliJar.Outcome run = CliJar.run("run", "--impl", "local-baseline", "--rate", "150", "--duration", "3s",
                "--concurrency", "2", "--data-dir", CliJar.dataDir(), "--db-prefix", "t_cli_rate", "--no-progress");

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stdout()).contains("open loop at 150.0 orders/s for 3 s with 2 workers")
                .containsPattern("warm-up: 0.8 s closed loop with 2 callers, [0-9.]+ orders/s \\(not counted below\\)")
                .containsPattern("minute 1: [0-9.]+ orders/s issued, [0-9.]+ reached their outcome per second, "
                        + "[0-9]+ in flight at its end, live heap [0-9.]+ MiB \\(the least of [0-9]+ readings after a full "
                        + "GC, 15 s apart; most [0-9.]+\\), machine CPU "
                        + "[0-9]+ % busy \\([0-9]+ cores\\), data directory [0-9]+ MiB")
                .contains("flatness: not judged (needs at least 3 minutes: the first warms up)")
                .contains("1 run, open loop at 150.0 orders/s offered")
                .containsPattern("audit \\(([0-9]+) orders, \\1 acknowledged\\): invariants: OK");
    }

    @Test
    void auditTakesTheSameTransportFlagsAsRunAndCountsWhatTheBrokerHolds() throws Exception {
        String[] placement = {"--data-dir", CliJar.dataDir(), "--db-prefix", "t_cli_broker"};
        CliJar.Outcome run = CliJar.run(concat(new String[] {"run", "--impl", "saga-choreo", "--orders", "60",
                "--transport", "artemis", "--no-progress"}, placement));
        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();

        CliJar.Outcome audit = CliJar.run(concat(new String[] {"audit", "--transport", "artemis"}, placement));

        assertThat(audit.exitCode()).as(audit.stdout() + audit.stderr()).isZero();
        assertThat(audit.stdout()).contains("broker: embedded Artemis: 0 messages not acknowledged by a consumer "
                + "group; 0 dead letters").contains("audit (60 orders, 60 acknowledged): invariants: OK");
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    @Test
    void aSecondRunOnTheSamePrefixStopsInOneLineAndTheFirstFinishesWithItsAuditOk() throws Exception {
        String[] placement = {"--data-dir", CliJar.dataDir(), "--db-prefix", "t_cli_two_runs"};
        Path ledger = Ledgers.path(StoreConfig.builder().dataDir(Path.of(CliJar.dataDir())).prefix("t_cli_two_runs")
                .build());
        Files.deleteIfExists(ledger);
        Process first = CliJar.start(concat(new String[] {"run", "--impl", "local-baseline", "--orders", "4000",
                "--no-progress"}, placement));
        await().atMost(Duration.ofMinutes(1))
                .until(() -> Ledger.read(ledger).ids().size() >= 10);

        CliJar.Outcome second = CliJar.run(concat(new String[] {"run", "--impl", "local-baseline", "--orders", "1000",
                "--no-progress"}, placement));

        assertThat(second.exitCode()).as(second.stdout() + second.stderr()).isEqualTo(TxlabCli.EXIT_BAD_INPUT);
        assertThat(second.stderr().lines()).singleElement().asString()
                .startsWith("txlab: prefix 't_cli_two_runs' is in use by txlab run on host ")
                .contains("pid " + first.pid());
        assertThat(first.waitFor()).as("the first run's exit code: 0 when its audit passed").isZero();
    }

    @Test
    void withoutATerminalProgressIsPlainLinesWithoutCarriageReturns() throws Exception {
        CliJar.Outcome run = CliJar.run("run", "--impl", "local-baseline", "--orders", "200", "--data-dir",
                CliJar.dataDir(), "--db-prefix", "t_cli_plain");

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stderr()).contains("orders: 200/200 (100 %) after ").doesNotContain("\r");
        assertThat(run.stdout()).doesNotContain("\r");
    }

    @Test
    void auditExitsOneAndNamesTheOrderWhenDataWasBroken() throws Exception {
        CliJar.Outcome run = CliJar.run("run", "--impl", "local-baseline", "--orders", "50", "--concurrency", "2",
                "--data-dir", CliJar.dataDir(), "--db-prefix", "t_cli_broken", "--no-progress");
        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();

        String url = "jdbc:h2:file:" + Path.of(CliJar.dataDir(), "t_cli_broken", "t_cli_broken_orders");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE orders SET status = 'PENDING' WHERE order_id = 'o00000007'");
        }

        CliJar.Outcome audit = CliJar.run("audit", "--data-dir", CliJar.dataDir(), "--db-prefix", "t_cli_broken");
        assertThat(audit.exitCode()).isEqualTo(TxlabCli.EXIT_VIOLATIONS);
        assertThat(audit.stdout()).contains("invariants: VIOLATED").contains("I3 no leftovers: o00000007: still PENDING");
    }

    @Test
    void anEventSourcedRunPrintsItsReadModelLagAndItsReadModelsRebuildFromZero() throws Exception {
        CliJar.Outcome run = CliJar.run("run", "--impl", "local-baseline", "--orders-model", "event-sourced",
                "--orders", "200", "--concurrency", "4", "--data-dir", CliJar.dataDir(), "--db-prefix",
                "t_cli_project", "--no-progress");
        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stdout()).containsPattern("read-model lag \\(an append's commit returned -> visible in the "
                + "views\\), ms: p50 [0-9.]+, p99 [0-9.]+, max [0-9.]+ over 400 events");

        CliJar.Outcome rebuild = CliJar.run("project", "--rebuild", "--data-dir", CliJar.dataDir(), "--db-prefix",
                "t_cli_project");
        assertThat(rebuild.exitCode()).as(rebuild.stdout() + rebuild.stderr()).isZero();
        assertThat(rebuild.stdout()).contains("200 order summaries").contains("every row matched: the rebuilt views "
                + "replaced the live ones");

        CliJar.Outcome audit = CliJar.run("audit", "--data-dir", CliJar.dataDir(), "--db-prefix", "t_cli_project");
        assertThat(audit.exitCode()).as(audit.stdout()).isZero();
    }

    @Test
    void aStateModelRunHasNoReadModelsToRebuild() throws Exception {
        CliJar.Outcome run = CliJar.run("run", "--impl", "local-baseline", "--orders", "5", "--data-dir",
                CliJar.dataDir(), "--db-prefix", "t_cli_project_state", "--no-progress");
        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();

        CliJar.Outcome rebuild = CliJar.run("project", "--rebuild", "--data-dir", CliJar.dataDir(), "--db-prefix",
                "t_cli_project_state");

        assertThat(rebuild.exitCode()).isEqualTo(TxlabCli.EXIT_BAD_INPUT);
        assertThat(rebuild.stderr()).contains("keeps its orders as rows (orders model state), so it has no read "
                + "models").doesNotContain("Exception");
    }
}
