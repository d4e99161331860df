package dev.txlab.scenarios;

import dev.txlab.domain.model.OrdersModel;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.testkit.Servers;
import dev.txlab.testkit.TestStores;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick suite of the catalog, one test per applicable cell (scenario x implementation, where the
 * scenario can be modelled on the store), each
 * run as {@code txlab faults} runs it: in a JVM of its own, crashes in a child JVM that halts. Every
 * cell must pass, its evidence in the failure message otherwise.
 */
abstract class QuickSuiteContract {

    protected abstract StoreKind store();

    protected abstract TransportSettings.Kind transport();

    /** How the orders service keeps its orders in every cell. */
    protected OrdersModel ordersModel() {
        return OrdersModel.STATE;
    }

    /** Whether the suite runs this cell (every applicable cell unless a subclass narrows it). */
    protected boolean includes(Scenario scenario, ImplementationId implementation) {
        return true;
    }

    protected List<ImplementationId> implementations() {
        return List.of(ImplementationId.values());
    }

    @TestFactory
    Stream<DynamicTest> everyApplicableCellPasses() {
        if (store().isServer()) {
            Servers.assumeAvailable(store());
        }
        if (transport() == TransportSettings.Kind.NATS) {
            Servers.assumeReachable("NATS", "127.0.0.1", 4222);
        }
        ScenarioContext context = new ScenarioContext(store(), transport(), TestStores.dataDir(), Clock.systemUTC(),
                ordersModel());
        ScenarioRunner runner = new ScenarioRunner(context, ScenarioRunner.Progress.NONE);
        return Catalog.quick().stream().flatMap(scenario -> implementations().stream()
                .filter(scenario.appliesTo()::contains)
                .filter(implementation -> scenario.unsupportedOn(context, implementation).isEmpty())
                .filter(implementation -> includes(scenario, implementation))
                .map(implementation -> DynamicTest.dynamicTest(scenario.id() + " on " + implementation, () -> {
                    if (implementation.coordination() == ImplementationId.Coordination.XA) {
                        Servers.assumePreparedTransactions(store());
                    }
                    FaultMatrix matrix = runner.run("quick", List.of(scenario), List.of(implementation));
                    FaultMatrix.Cell cell = matrix.scenarios().get(0).cells().get(implementation.id());
                    assertThat(cell.result()).as(cell.evidence()).isEqualTo(FaultMatrix.Cell.PASS);
                })));
    }
}
