package dev.txlab.scenarios;

import dev.txlab.harness.fault.CrashPoint;
import dev.txlab.harness.placement.ImplementationId;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogTest {

    @Test
    void idsAreUniqueAndEveryScenarioAppliesToSomeImplementation() {
        List<Scenario> scenarios = Catalog.full();
        assertThat(scenarios).extracting(Scenario::id).doesNotHaveDuplicates();
        assertThat(scenarios).allSatisfy(scenario -> {
            assertThat(scenario.appliesTo()).as(scenario.id()).isNotEmpty();
            assertThat(scenario.description()).as(scenario.id()).isNotBlank();
            assertThat(scenario.mustHold()).as(scenario.id()).isNotBlank();
        });
    }

    @Test
    void everyCellHasADatabasePrefixOfItsOwnThatEveryServerAccepts() {
        Set<String> prefixes = new HashSet<>();
        for (Scenario scenario : Catalog.full()) {
            for (ImplementationId implementation : ImplementationId.values()) {
                String prefix = ScenarioContext.prefix(scenario.id(), implementation);
                assertThat(prefix).matches("[a-z][a-z0-9_]{0,30}");
                assertThat(prefixes.add(prefix)).as("unique: " + prefix).isTrue();
            }
        }
    }

    @Test
    void theQuickSuiteHaltsAtEveryCrashPoint() {
        // EVENT_VERSION_CONFLICT is counted (the second writer's proof), not halted at: a halt there needs the
        // second writer in the crashing child, which ChildRun does not take
        assertThat(Catalog.quick().stream().map(s -> s instanceof EventSourcedOnly only ? only.scenario() : s))
                .filteredOn(CrashScenario.class::isInstance).map(CrashScenario.class::cast)
                .extracting(CrashScenario::point).containsExactlyInAnyOrder(Arrays.stream(CrashPoint.values())
                        .filter(point -> point != CrashPoint.EVENT_VERSION_CONFLICT).toArray(CrashPoint[]::new));
    }

    @Test
    void theComparisonsCrashForEachImplementationIsAHaltThatAppliesToIt() {
        for (ImplementationId implementation : ImplementationId.values()) {
            assertThat(Catalog.slowestRecovery(implementation)).as(implementation.id())
                    .isInstanceOf(CrashScenario.class)
                    .satisfies(scenario -> assertThat(scenario.appliesTo()).contains(implementation));
        }
    }

    @Test
    void theFullSuiteIsTheQuickSuiteAndMore() {
        assertThat(Catalog.full()).extracting(Scenario::id)
                .startsWith(Catalog.quick().stream().map(Scenario::id).toArray(String[]::new));
        assertThat(Catalog.full()).hasSizeGreaterThan(Catalog.quick().size());
        assertThat(Catalog.suite("full")).extracting(Scenario::id).contains("busy-xa-halt-after-decision",
                "long-broker-outage");
    }

    @Test
    void anUnknownSuiteIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> Catalog.suite("fast")).hasMessage("unknown suite 'fast'; expected quick or full");
    }
}
