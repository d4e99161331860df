package dev.txlab.harness.run;

import dev.txlab.harness.audit.AuditReport;
import dev.txlab.harness.fault.FaultPlan;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TmSettings;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A disk that fills mid-run (the fault plan's {@link FaultPlan.DiskFull}, reported at the run's disk
 * probe) stops the run with one line instead of letting it hang; recovery then finds every
 * acknowledged order.
 */
class DiskFullTest {
    @TempDir
    Path dataDir;

    @Test
    void aRunOnAFullDiskStopsSayingSoAndLosesNothingItAcknowledged() throws Exception {
        StoreConfig store = StoreConfig.builder().allServices(StoreKind.H2_FILE).dataDir(dataDir).prefix("disk_full")
                .build();
        RunOptions options = RunOptions.builder(store, ImplementationId.LOCAL_BASELINE)
                .workload(WorkloadSpec.builder().seed(3).orders(100_000).build())
                .callers(4)
                .faults(FaultPlan.NONE.withDiskFull(new FaultPlan.DiskFull(50)))
                .build();

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (Run run = Run.prepare(options)) {
                assertThatThrownBy(() -> run.execute(OrderListener.NONE)).isInstanceOf(RunStoppedException.class)
                        .hasMessageStartingWith("disk full at " + dataDir + ": its file system has 0 MB free")
                        .hasMessageEndingWith("orders acknowledged; run `txlab recover` with the same flags after "
                                + "freeing space")
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            }
        }, "a full disk stops the run within 30 s");

        RunRecovery.Recovered recovered = RunRecovery.recover(store, TmSettings.ofDefaults(),
                TransportSettings.ofDefaults(), Clock.systemUTC(), Optional.empty());
        AuditReport audit = recovered.audit();
        assertThat(audit.ok()).as(audit.describe(10)).isTrue();
        assertThat(audit.acknowledged()).isGreaterThanOrEqualTo(50).isLessThan(100_000);
        assertThat(audit.orders()).isEqualTo(audit.acknowledged());
    }
}
