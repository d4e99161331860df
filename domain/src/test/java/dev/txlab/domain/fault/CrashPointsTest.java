package dev.txlab.domain.fault;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
    void rejectsUnknownPointsAndBadHitsClearly() {
        assertThatThrownBy(() -> FaultPlan.parseCrash("nowhere")).hasMessageContaining("unknown crash point 'nowhere'");
        assertThatThrownBy(() -> FaultPlan.parseCrash("BASELINE_AFTER_COMMIT@x")).hasMessageContaining("POINT@N");
        assertThatThrownBy(() -> FaultPlan.parseCrash("BASELINE_AFTER_COMMIT@0")).hasMessageContaining("at least 1");
    }
}
