package dev.txlab.cli;

import dev.txlab.harness.run.Ledger;
import dev.txlab.harness.run.Ledgers;
import dev.txlab.harness.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A run killed from outside (SIGKILL) in the middle of its orders is brought back by
 * {@code txlab recover} with the same placement flags, after which {@code txlab audit} passes.
 */
class CliKillRecoverIT {
    private static final int ACKNOWLEDGED_BEFORE_KILL = 300;

    @ParameterizedTest
    @CsvSource({"xa-narayana, state", "xa-atomikos, state", "local-baseline, state", "saga-choreo, state",
            "saga-orch, state", "saga-choreo, event-sourced", "saga-orch, event-sourced"})
    void aRunKilledMidwayIsFinishedByRecover(String implementation, String ordersModel) throws Exception {
        String prefix = "t_cli_kill_" + implementation.replace("-", "_").substring(0, 6) + "_" + ordersModel.charAt(0);
        String[] placement = {"--data-dir", CliJar.dataDir(), "--db-prefix", prefix};
        Path ledger = Ledgers.path(StoreConfig.builder().dataDir(Path.of(CliJar.dataDir())).prefix(prefix).build());
        Files.deleteIfExists(ledger);

        Process run = CliJar.start(concat(new String[] {"run", "--impl", implementation, "--orders", "200000",
                "--concurrency", "4", "--orders-model", ordersModel, "--no-progress"}, placement));
        await().atMost(Duration.ofMinutes(2)).until(() -> Ledger.read(ledger).ids().size() >= ACKNOWLEDGED_BEFORE_KILL);
        run.destroyForcibly().waitFor();
        assertThat(run.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

        CliJar.Outcome recover = CliJar.run(concat(new String[] {"recover", "--impl", implementation}, placement));
        assertThat(recover.exitCode()).as(recover.stdout() + recover.stderr()).isZero();
        assertThat(recover.stdout()).contains("left: nothing").as("the model from the run record")
                .contains("(orders model " + ordersModel + ")");

        CliJar.Outcome audit = CliJar.run(concat(new String[] {"audit"}, placement));
        assertThat(audit.exitCode()).as(audit.stdout()).isZero();
        assertThat(audit.stdout()).contains("invariants: OK");
    }

    /** A run killed in its first moments, maybe before its run record exists, is recoverable as README says. */
    @Test
    void aRunKilledDuringItsSetupIsRecoveredOrSaidToNeedNothing() throws Exception {
        String[] placement = {"--data-dir", CliJar.dataDir(), "--db-prefix", "t_cli_early_kill"};
        Path marker = Path.of(CliJar.dataDir(), "t_cli_early_kill", "setup-h2-file.txt");
        Files.deleteIfExists(marker);

        Process run = CliJar.start(concat(new String[] {"run", "--impl", "saga-choreo", "--orders", "100",
                "--no-progress"}, placement));
        await().atMost(Duration.ofMinutes(1)).until(() -> Files.exists(marker));
        run.destroyForcibly().waitFor();

        CliJar.Outcome recover = CliJar.run(concat(new String[] {"recover"}, placement));
        assertThat(recover.exitCode()).as(recover.stdout() + recover.stderr()).isZero();
        assertThat(recover.stdout()).containsAnyOf("was killed before it wrote one, so no order was acknowledged",
                "setup redone (it had not completed)", "left: nothing");
        CliJar.Outcome audit = CliJar.run(concat(new String[] {"audit"}, placement));
        assertThat(audit.exitCode()).as(audit.stdout() + audit.stderr()).isZero();
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
