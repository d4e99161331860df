package dev.txlab.harness.run;

import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TmSettings;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.store.Stores;
import dev.txlab.harness.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A run killed during its setup, before its run record existed, leaves a marker that recover and audit read. */
class EarlyKillTest {
    @TempDir
    Path dataDir;

    @Test
    void aSetupKilledBeforeItsRecordIsNothingToRecoverAndSaysSo() {
        StoreConfig store = StoreConfig.builder().allServices(StoreKind.H2_FILE).dataDir(dataDir).prefix("early_kill")
                .build();
        SetupMarker.write(store, "the setup of a saga-choreo run started 2026-12-04T10:00:00Z");
        Stores.reset(store); // what the killed setup had done: its databases reset, no run record written yet

        assertThatThrownBy(() -> RunRecovery.recover(store, TmSettings.ofDefaults(), TransportSettings.ofDefaults(),
                Clock.systemUTC(), Optional.empty())).isInstanceOf(SetupKilledException.class)
                .hasMessage("no run record with prefix 'early_kill': the setup of a saga-choreo run started "
                        + "2026-12-04T10:00:00Z was killed before it wrote one, so no order was acknowledged and "
                        + "nothing needs recovering or auditing");
        assertThatThrownBy(() -> RunAudit.audit(store, Clock.systemUTC())).isInstanceOf(SetupKilledException.class);
    }

    @Test
    void aSetupThatWroteItsRecordRemovesTheMarker() throws Exception {
        StoreConfig store = StoreConfig.builder().allServices(StoreKind.H2_FILE).dataDir(dataDir).prefix("early_kill")
                .build();
        try (Run run = Run.prepare(RunOptions.builder(store, ImplementationId.LOCAL_BASELINE)
                .workload(WorkloadSpec.builder().orders(5).build())
                .build())) {
            assertThat(Files.exists(SetupMarker.path(store))).isFalse();
        }
    }

    @Test
    void withNeitherRecordNorMarkerTheFlagsAreTheLikelyMistake() {
        StoreConfig store = StoreConfig.builder().allServices(StoreKind.H2_FILE).dataDir(dataDir).prefix("never_ran")
                .build();

        assertThatThrownBy(() -> RunRecords.find(store)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no run found with prefix 'never_ran'")
                .hasMessageContaining("pass the same --store, --db-prefix and --data-dir as the run");
    }
}
