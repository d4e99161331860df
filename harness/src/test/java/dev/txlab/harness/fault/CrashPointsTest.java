package dev.txlab.harness.fault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrashPointsTest {
    private final List<Integer> halts = new ArrayList<>();
    private final ByteArrayOutputStream announced = new ByteArrayOutputStream();

    @Test
    void haltsOnTheArmedHitOfTheArmedPointOnly() {
        CrashPoints points = new CrashPoints(FaultPlan.parseCrash("baseline-after-commit@3"), halts::add,
                new PrintStream(announced, true, StandardCharsets.UTF_8));

        points.hit(CrashPoint.BASELINE_BEFORE_COMMIT);
        points.hit(CrashPoint.BASELINE_AFTER_COMMIT);
        points.hit(CrashPoint.BASELINE_AFTER_COMMIT);
        assertThat(halts).isEmpty();

        points.hit(CrashPoint.BASELINE_AFTER_COMMIT);
        assertThat(halts).containsExactly(CrashPoints.CRASH_EXIT_CODE);
        assertThat(announced.toString(StandardCharsets.UTF_8))
                .startsWith(CrashPoints.FIRED_MARKER + "BASELINE_AFTER_COMMIT hit=3");
        assertThat(points.hits(CrashPoint.BASELINE_AFTER_COMMIT)).isEqualTo(3);
    }

    @Test
    void aDisarmedPlanOnlyCounts() {
        CrashPoints points = new CrashPoints(FaultPlan.NONE, halts::add, System.err);
        points.hit(CrashPoint.XA_AFTER_ALL_PREPARES);
        assertThat(halts).isEmpty();
        assertThat(points.hits(CrashPoint.XA_AFTER_ALL_PREPARES)).isEqualTo(1);
    }

    @Test
    void aServerRestartRunsItsCommandAtItsHitAndCarriesOn(@TempDir Path dir) {
        Path marker = dir.resolve("restarted");
        CrashPoints points = new CrashPoints(FaultPlan.NONE.withServerRestart(new FaultPlan.ServerRestart(
                CrashPoint.XA_AFTER_ALL_PREPARES, 2, List.of("touch", marker.toString()))), halts::add,
                new PrintStream(announced, true, StandardCharsets.UTF_8));

        points.hit(CrashPoint.XA_AFTER_ALL_PREPARES);
        assertThat(marker).doesNotExist();
        points.hit(CrashPoint.XA_AFTER_ALL_PREPARES);
        assertThat(marker).exists();
        assertThat(halts).isEmpty();
        assertThat(announced.toString(StandardCharsets.UTF_8)).startsWith(CrashPoints.RESTART_MARKER);
    }

    @Test
    void aFailingServerRestartSaysWhichCommandFailed() {
        CrashPoints points = new CrashPoints(FaultPlan.NONE.withServerRestart(new FaultPlan.ServerRestart(
                CrashPoint.XA_AFTER_ALL_PREPARES, 1, List.of("false"))), halts::add,
                new PrintStream(announced, true, StandardCharsets.UTF_8));

        assertThatThrownBy(() -> points.hit(CrashPoint.XA_AFTER_ALL_PREPARES))
                .hasMessage("the server restart 'false' failed with exit code 1");
    }

    @Test
    void rejectsUnknownPointsAndBadHitsClearly() {
        assertThatThrownBy(() -> FaultPlan.parseCrash("nowhere")).hasMessageContaining("unknown crash point 'nowhere'");
        assertThatThrownBy(() -> FaultPlan.parseCrash("BASELINE_AFTER_COMMIT@x")).hasMessageContaining("POINT@N");
        assertThatThrownBy(() -> FaultPlan.parseCrash("BASELINE_AFTER_COMMIT@0")).hasMessageContaining("at least 1");
    }
}
