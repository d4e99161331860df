package dev.txlab.cli;

import dev.txlab.harness.store.StoreKind;
import dev.txlab.testkit.Servers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code txlab calibrate} through the shaded jar: every primitive measured, with its spread, on databases of its own. */
class CalibrateIT {
    @Test
    void measuresEveryPrimitiveOnH2FilesAndTheEmbeddedBroker() throws Exception {
        CliJar.Outcome calibrate = CliJar.run("calibrate", "--data-dir", CliJar.dataDir(), "--db-prefix", "t_cli_cal",
                "--window-seconds", "0.3", "--repeats", "2");

        assertThat(calibrate.exitCode()).as(calibrate.stderr()).isZero();
        assertThat(calibrate.stdout())
                .contains("databases t_cli_cal_calibrate_<service>")
                .containsPattern("JDBC round trip +h2-file +[0-9.]+ ± [0-9.]+ \\(n=2\\) +[0-9.]+ ± [0-9.]+ \\(n=2\\)")
                .containsPattern("insert \\+ commit +h2-file +[0-9.]+ ± [0-9.]+ \\(n=2\\)")
                .containsPattern("keyed update +h2-file +[0-9.]+ ± [0-9.]+ \\(n=2\\)")
                .containsPattern("XA insert \\+ prepare \\+ commit +h2-file +[0-9.]+ ± [0-9.]+ \\(n=2\\)")
                .containsPattern("persistent publish \\+ consume \\+ ack +artemis +[0-9.]+ ± [0-9.]+ \\(n=2\\)")
                .containsPattern("forced write +disk +[0-9.]+ ± [0-9.]+ \\(n=2\\)")
                .contains("commit alone on h2-file:");
    }

    @Test
    void saysWhenPostgresCannotPrepareInsteadOfFailing() throws Exception {
        Servers.assumeAvailable(StoreKind.POSTGRES);
        CliJar.Outcome calibrate = CliJar.run("calibrate", "--store", "postgres", "--db-prefix", "t_cli_cal",
                "--data-dir", CliJar.dataDir(), "--window-seconds", "0.2", "--repeats", "1");

        assertThat(calibrate.exitCode()).as(calibrate.stderr()).isZero();
        assertThat(calibrate.stdout())
                .containsPattern("insert \\+ commit +postgres +[0-9.]+ ± [0-9.]+ \\(n=1\\)")
                .containsPattern("XA insert \\+ prepare \\+ commit +postgres +([0-9.]+ ± |not measured: )");
    }

    @Test
    void aWindowOutOfRangeIsABadFlag() throws Exception {
        CliJar.Outcome calibrate = CliJar.run("calibrate", "--window-seconds", "0", "--data-dir", CliJar.dataDir());

        assertThat(calibrate.exitCode()).isEqualTo(TxlabCli.EXIT_BAD_INPUT);
        assertThat(calibrate.stderr()).contains("--window-seconds must be between 0.1 and 600; got 0.0");
    }
}
