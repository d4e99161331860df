package dev.txlab.scenarios.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.txlab.harness.child.ChildJvm;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.scenarios.ScenarioContext;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the isolation probe for one implementation in a JVM of its own (a TM is configured once per
 * JVM); its request: {@link Request}. Prints the result as one JSON line after {@link #MARKER}.
 */
public final class ProbeMain {
    public static final String MARKER = "TXLAB-PROBE ";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The probe's result as the child prints it: reads, counts by anomaly label, examples; or why it failed. */
    public record Result(long reads, Map<String, Long> counts, String examples, String error) {
    }

    private ProbeMain() {
    }

    /** What the child probes: one implementation, where. */
    public record Request(ImplementationId implementation, ScenarioContext.Where where) {
    }

    public static void main(String[] args) throws Exception {
        Request request = ChildJvm.request(args, Request.class);
        Result result;
        try {
            ProbeReport report = ProbeRun.run(request.where().context(), request.implementation());
            result = new Result(report.reads(), report.countsByLabel(), report.examplesText(), null);
        } catch (Exception | AssertionError e) {
            result = new Result(0, Map.of(), "", e.toString());
        }
        System.out.println(MARKER + JSON.writeValueAsString(result));
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    public static Request request(ImplementationId implementation, ScenarioContext context) {
        return new Request(implementation, context.where());
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
