package dev.txlab.cli.calibrate;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalibrationTest {
    @Test
    void busyTicksAreAllButIdleAndIowaitAndStealIsTheEighth() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        assertThat(MachineCpu.Ticks.parse("cpu  100 2 30 5000 40 5 6 7 50 0")).isEqualTo(new MachineCpu.Ticks(
                100 + 2 + 30 + 5000 + 40 + 5 + 6 + 7, 100 + 2 + 30 + 5 + 6 + 7, 7));
        assertThatThrownBy(() -> MachineCpu.Ticks.parse("cpu0 1 2 3 4")).hasMessageContaining("not the total cpu line");
    }

    @Test
    void timesOneWarmUpAndTheGivenWindowsCountingWhatEachStepDid() throws Exception {
        Calibration calibration = new Calibration(Duration.ofMillis(20), 3);
        int[] steps = {0};

        Measurement measurement = calibration.measure(Primitive.PUBLISH_CONSUME_ACK, "test", () -> {
            steps[0]++;
            return 4;
        });

        assertThat(measurement.windows()).hasSize(3);
        long counted = measurement.windows().stream().mapToLong(Measurement.Window::operations).sum();
        assertThat(counted).as("four operations per step, warm-up excluded").isLessThan(4L * steps[0])
                .isEqualTo(counted / 4 * 4);
        assertThat(measurement.windows()).allSatisfy(w -> assertThat(w.wallNanos()).isGreaterThanOrEqualTo(20_000_000));
        assertThat(measurement.operationsPerSecond().n()).isEqualTo(3);
    }

    @Test
    void theDerivedCostIsTheWholeLessAKeyedUpdate() {
        Measurement keyedUpdate = Measurement.measured(Primitive.KEYED_UPDATE, "h2-file",
                List.of(new Measurement.Window(1_000, 1_000_000_000L, Optional.of(20_000_000L))));
        Measurement commit = Measurement.measured(Primitive.INSERT_COMMIT, "h2-file",
                List.of(new Measurement.Window(100, 1_000_000_000L, Optional.of(50_000_000L))));
        CalibrationReport report = new CalibrationReport(List.of(keyedUpdate, commit), Optional.of(0.01), 2);

        // 20 µs per keyed update, 500 µs per insert + commit: the commit alone is 480 µs
        assertThat(report.derived("h2-file", Primitive.INSERT_COMMIT, "commit alone"))
                .hasValueSatisfying(line -> assertThat(line).startsWith("commit alone on h2-file: 480.0 µs"));
        assertThat(report.derived("h2-file", Primitive.XA_PREPARE_COMMIT, "XA")).isEmpty();
    }

    @Test
    void badSettingsAreRefusedWithWhatWouldBeRight() {
        assertThatThrownBy(() -> new Calibration(Duration.ZERO, 3)).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> new Calibration(Duration.ofSeconds(1), 0)).hasMessageContaining("at least one");
    }
}
