package dev.txlab.cli.compare;

import dev.txlab.harness.network.NetworkProfile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SweepPlanTest {

    @Test
    void aCapLeavesOutTheCallerLevelsAboveItAndMeasuresTheCapInstead() {
        SweepPlan capped = SweepPlan.FULL.cappedAt(5);

        assertThat(capped.threads()).containsExactly(1, 2, 4, 5);
        assertThat(capped.maxCallers()).isEqualTo(5);
        assertThat(SweepPlan.DEFAULT.cappedAt(16).threads()).containsExactly(1, 4, 16);
        assertThat(SweepPlan.DEFAULT.cappedAt(100).threads()).containsExactly(1, 4, 16, 64);
        assertThat(capped.loadFractions()).isEqualTo(SweepPlan.FULL.loadFractions());
    }

    @Test
    void aCapBelowEveryLevelMeasuresTheCapItself() {
        assertThat(SweepPlan.QUICK.cappedAt(1).threads()).isEqualTo(List.of(1));
        assertThat(new SweepPlan("t", SweepPlan.QUICK.warmup(), 2, 2, SweepPlan.QUICK.iteration(), List.of(4, 8),
                SweepPlan.QUICK.search(), SweepPlan.QUICK.openLoop(), List.of(0.7),
                SweepPlan.QUICK.maxLag(), SweepPlan.QUICK.networks(), 1).cappedAt(3).threads()).containsExactly(3);
    }

    @Test
    void theFullSweepRepeatsEveryImplementationInThreeFreshRunsInAlternatingOrder() {
        assertThat(SweepPlan.FULL.runs()).isEqualTo(3);
        assertThat(SweepPlan.DEFAULT.runs()).isEqualTo(1);
        assertThat(SweepPlan.FULL.explained()).contains("in 3 fresh runs per implementation, in alternating order");
        List<String> ids = List.of("a", "b", "c");
        assertThat(List.of(SweepPlan.runOrder(ids, 0), SweepPlan.runOrder(ids, 1), SweepPlan.runOrder(ids, 2)))
                .containsExactly(List.of("a", "b", "c"), List.of("c", "b", "a"), List.of("a", "b", "c"));
        assertThat(SweepPlan.QUICK.withRuns(2).runs()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SweepPlan.QUICK.withRuns(0))
                .hasMessageContaining("--runs must be at least 1, was 0");
    }

    @Test
    void onlyTheQuickSweepSaysItIsNotTheMaxSustainableRate() {
        assertThat(SweepPlan.QUICK.explained()).contains("quick: not the max sustainable rate");
        assertThat(SweepPlan.DEFAULT.explained()).doesNotContain("quick").contains("1/4/16/64 callers")
                .contains("then held for 10 s").contains("the best level timed on to 10 iterations");
    }

    @Test
    void aPlanRunsAtTheNetworksGiven() {
        assertThat(SweepPlan.DEFAULT.withNetworks(List.of(NetworkProfile.LAN)).networks())
                .containsExactly(NetworkProfile.LAN);
        assertThat(SweepPlan.DEFAULT.withNetworks(List.of(NetworkProfile.LAN)).threads())
                .isEqualTo(SweepPlan.DEFAULT.threads());
    }
}
