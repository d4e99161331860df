package dev.txlab.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The orders models: two compared side by side, in the HTML and the Markdown; the models named on the first line. */
class OrdersModelsTest {

    @Test
    void eachImplementationHasARowPerModelWithItsRateCostsAndBytes() {
        Results state = SampleResults.of(withBytes(SampleResults.passed("saga-choreo", 800, 30), 7_851.4),
                SampleResults.passed("local-baseline", 1_500, 2));
        Results both = new Results(state.schemaVersion(), state.method(), state.implementations(), null, List.of(),
                List.of(new Results.OrdersModelRun("event-sourced", List.of(
                        withBytes(SampleResults.passed("saga-choreo", 900, 25), 6_673.0)))));

        List<List<String>> rows = OrdersModels.rows(both);

        assertThat(OrdersModels.shown(state)).isFalse();
        assertThat(OrdersModels.shown(both)).isTrue();
        assertThat(rows).extracting(row -> row.get(0) + " " + row.get(1) + " " + row.get(2) + " " + row.get(6))
                .containsExactly("saga-choreo state 800 orders/s 7,851", "saga-choreo event-sourced 900 orders/s 6,673",
                        "local-baseline state 1500 orders/s not measured");
        assertThat(OrdersModels.bytesMeasured(both)).isEqualTo("PostgreSQL WAL");
        assertThat(new HtmlReport(both, Optional.empty(), Optional.empty()).render())
                .contains("Orders models side by side").contains("<td>event-sourced</td>");
        assertThat(new MarkdownReport(both, Optional.empty()).render())
                .contains("## Orders models side by side")
                .contains("| saga-choreo | event-sourced | 900 orders/s | 900.0 | 16.00 | 1.00 | 6,673 |");
    }

    @Test
    void theCsvHasTheRowsOfEveryModelEachNamingItsModel() {
        Results state = SampleResults.of(SampleResults.passed("saga-choreo", 800, 30));
        Results both = new Results(state.schemaVersion(), state.method(), state.implementations(), null, List.of(),
                List.of(new Results.OrdersModelRun("event-sourced", List.of(
                        SampleResults.passed("saga-choreo", 900, 25)))));

        List<String> lines = new CsvReport(both).render().lines().toList();

        assertThat(lines.get(0)).startsWith("implementation,orders_model,network,");
        assertThat(lines.subList(1, lines.size())).hasSize(2 * (new CsvReport(state).render().lines().toList().size() - 1))
                .anyMatch(line -> line.startsWith("saga-choreo,state,none,true,closed,4,,800.000,"))
                .anyMatch(line -> line.startsWith("saga-choreo,event-sourced,none,true,closed,4,,900.000,"));
    }

    @Test
    void theFirstLineOfEitherReportSaysTheModelsTheOrdersAndAccountsWereKeptIn() {
        Results state = SampleResults.of(SampleResults.passed("saga-choreo", 800, 30));
        Results both = new Results(state.schemaVersion(), state.method(), state.implementations(), null, List.of(),
                List.of(new Results.OrdersModelRun("event-sourced", state.implementations())));

        assertThat(state.modelsKept()).isEqualTo("orders model state, accounts model state");
        assertThat(both.modelsKept()).isEqualTo("orders model state (also event-sourced, side by side in section 4), "
                + "accounts model state");
        String firstLine = new HtmlReport(both, Optional.empty(), Optional.empty()).render().split("</p>", 2)[0];
        assertThat(firstLine).contains("<b>" + both.modelsKept() + "</b>");
        assertThat(new MarkdownReport(state, Optional.empty()).render().split("\n\n", 4)[2])
                .contains(", orders model state, accounts model state, ");
    }

    private static ImplementationResult withBytes(ImplementationResult result, double bytes) {
        ImplementationResult.Cost c = result.cost();
        ImplementationResult.Cost cost = new ImplementationResult.Cost(c.orders(), c.roundTrips(), c.statements(),
                c.commits(), c.rollbacks(), c.connectionChecks(), c.xaPrepares(), c.xaCommits(), c.xaOther(),
                c.messagesPublished(), c.messagesDelivered(), bytes, "PostgreSQL WAL");
        return new ImplementationResult(result.implementation(), result.network(), result.guarantee(),
                result.auditPassed(), result.audit(), result.violations(), result.error(), result.terminationBound(),
                result.throughput(), result.load(), cost, result.outcomes(), result.timeline(), result.networkAchieved(),
                result.callersCapped(), result.ceiling(), result.maxRate(), result.forcedWrites());
    }
}
