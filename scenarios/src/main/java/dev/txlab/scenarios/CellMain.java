package dev.txlab.scenarios;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.txlab.domain.placement.ImplementationId;
import dev.txlab.domain.placement.TransportSettings;
import dev.txlab.domain.store.StoreKind;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Runs one cell of the matrix in a JVM of its own (a transaction manager can be configured once per
 * JVM, and a crash scenario's recovery must happen in a fresh process): arguments scenario id,
 * implementation, store kind, transport kind, data dir. Prints the cell as one JSON line after {@link #MARKER}.
 */
public final class CellMain {
    public static final String MARKER = "TXLAB-CELL ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CellMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: CellMain scenario-id implementation store transport data-dir");
        }
        Scenario scenario = Catalog.byId(args[0])
                .orElseThrow(() -> new IllegalArgumentException("no scenario '" + args[0] + "' in the catalog"));
        ScenarioContext context = new ScenarioContext(StoreKind.parse(args[2]),
                TransportSettings.Kind.parse(args[3]), Path.of(args[4]), Clock.systemUTC());
        FaultMatrix.Cell cell;
        try {
            cell = scenario.run(context, ImplementationId.parse(args[1]));
        } catch (Exception | AssertionError e) {
            cell = FaultMatrix.Cell.fail("the scenario could not run: " + e);
        }
        System.out.println(MARKER + JSON.writeValueAsString(cell));
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    static String[] args(Scenario scenario, ImplementationId implementation, ScenarioContext context) {
        return new String[] {scenario.id(), implementation.id(), context.store().id(), context.transport().id(),
                context.dataDir().toString()};
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
