package dev.txlab.scenarios.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.txlab.domain.placement.ImplementationId;
import dev.txlab.domain.placement.TransportSettings;
import dev.txlab.domain.store.StoreKind;
import dev.txlab.scenarios.ScenarioContext;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the isolation probe for one implementation in a JVM of its own (a TM is configured once per
 * JVM): arguments implementation, store kind, transport kind, data dir. Prints the result as one
 * JSON line after {@link #MARKER}.
 */
public final class ProbeMain {
    public static final String MARKER = "TXLAB-PROBE ";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The probe's result as the child prints it: reads, counts by anomaly label, examples; or why it failed. */
    public record Result(long reads, Map<String, Long> counts, String examples, String error) {
    }

    private ProbeMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: ProbeMain implementation store transport data-dir");
        }
        ScenarioContext context = new ScenarioContext(StoreKind.parse(args[1]), TransportSettings.Kind.parse(args[2]),
                Path.of(args[3]), Clock.systemUTC());
        Result result;
        try {
            ProbeReport report = ProbeRun.run(context, ImplementationId.parse(args[0]));
            result = new Result(report.reads(), report.countsByLabel(), report.examplesText(), null);
        } catch (Exception | AssertionError e) {
            result = new Result(0, Map.of(), "", e.toString());
        }
        System.out.println(MARKER + JSON.writeValueAsString(result));
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    public static String[] args(ImplementationId implementation, ScenarioContext context) {
        return new String[] {implementation.id(), context.store().id(), context.transport().id(),
                context.dataDir().toString()};
    }

    /** The result a child printed, if it printed one. */
    public static Optional<Result> parse(String stdout) {
        return stdout.lines().filter(line -> line.startsWith(MARKER)).reduce((first, second) -> second)
                .map(line -> {
                    try {
                        return JSON.readValue(line.substring(MARKER.length()), Result.class);
                    } catch (IOException e) {
                        throw new IllegalStateException("unreadable probe result from the child: " + line, e);
                    }
                });
    }
}
