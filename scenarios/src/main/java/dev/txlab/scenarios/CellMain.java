package dev.txlab.scenarios;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.txlab.harness.child.ChildJvm;
import dev.txlab.harness.placement.ImplementationId;

import java.util.Optional;

/**
 * Runs one cell of the matrix in a JVM of its own (a transaction manager can be configured once per
 * JVM, and a crash scenario's recovery must happen in a fresh process); its request: {@link Request}.
 * Prints the cell as one JSON line after {@link #MARKER}.
 */
public final class CellMain {
    public static final String MARKER = "TXLAB-CELL ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CellMain() {
    }

    /** What the child runs: one scenario on one implementation, where. */
    record Request(String scenario, ImplementationId implementation, ScenarioContext.Where where) {
    }

    public static void main(String[] args) throws Exception {
        Request request = ChildJvm.request(args, Request.class);
        Scenario scenario = Catalog.byId(request.scenario()).orElseThrow(() ->
                new IllegalArgumentException("no scenario '" + request.scenario() + "' in the catalog"));
        FaultMatrix.Cell cell;
        try {
            cell = scenario.run(request.where().context(), request.implementation());
        } catch (Exception | AssertionError e) {
            cell = FaultMatrix.Cell.fail("the scenario could not run: " + e);
        }
        System.out.println(MARKER + JSON.writeValueAsString(cell));
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    static Request request(Scenario scenario, ImplementationId implementation, ScenarioContext context) {
        return new Request(scenario.id(), implementation, context.where());
    }

    /** The cell a child printed, if it printed one. */
    static Optional<FaultMatrix.Cell> parse(String stdout) {
        return stdout.lines().filter(line -> line.startsWith(MARKER)).reduce((first, second) -> second)
                .map(line -> {
                    try {
                        return JSON.readValue(line.substring(MARKER.length()), FaultMatrix.Cell.class);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("unreadable cell from the child: " + line, e);
                    }
                });
    }
}
