package dev.txlab.report;

import dev.txlab.load.LatencySummary;
import dev.txlab.load.OverTime;
import dev.txlab.load.SustainableRate;
import dev.txlab.report.ImplementationResult.Cost;
import dev.txlab.report.ImplementationResult.LoadPoint;
import dev.txlab.report.ImplementationResult.MaxRate;
import dev.txlab.report.ImplementationResult.ThroughputPoint;
import dev.txlab.report.ImplementationResult.Timeline;

import java.util.List;
import java.util.Map;

/** Results as a comparison would write them, with figures chosen by the test. */
final class SampleResults {
    private SampleResults() {
    }

    static Results of(ImplementationResult... implementations) {
        Method.Environment environment = new Method.Environment("Test CPU", 2, 24L << 30, "Linux", "OpenJDK 17",
                Map.of("H2", "2.3.232"), Map.of("artemis", "embedded Artemis"));
        Method method = new Method("quick", "quick sweep", "2026-12-02T06:00:00Z", 12.5, "abc123",
                "txlab compare --quick --postgres-password ****", "h2-file", "process", List.of("a note"),
                "embedded Artemis", "seed=42", 42, "simulated in Java", Map.of("data directory", "txlab-data"),
                environment, List.of(new PrimitiveCost("insert + commit", "h2-file", 13_900, 5_200, 103, 30, 3, null),
                new PrimitiveCost("XA insert + prepare + commit", "postgres", 0, 0, 0, 0, 0, "XA error code -3")),
                new MachineLoad(0.01, 0.0, 0.02, 0.0));
        return new Results(Results.SCHEMA_VERSION, method, List.of(implementations), null, List.of(), List.of());
    }

    static ImplementationResult passed(String id, double throughput, double p99Millis) {
        LatencySummary latency = latency(p99Millis);
        return new ImplementationResult(id, "none", "guarantee of " + id, true, "invariants: OK", List.of(), null,
                "10.0 s (bound)", List.of(
                new ThroughputPoint(1, List.of(throughput / 2 - 1, throughput / 2 + 1), 1.5, throughput / 2, 1.41,
                        latency, latency),
                new ThroughputPoint(4, List.of(throughput - 2, throughput + 2), 1.5, throughput, 2.83, latency,
                        latency)),
                List.of(new LoadPoint("common load", throughput / 4, throughput / 4, 3, 64, false, 300, 0, latency,
                                latency, perSecond(throughput / 4, p99Millis)),
                        new LoadPoint("70 % of own max", throughput * 0.7, throughput * 0.7, 3, 64, false, 300, 0,
                                latency, latency, perSecond(throughput * 0.7, p99Millis))),
                new Cost(1000, 16, 14, 1, 0, 0, 0, 0, 0, 0, 0), Map.of("APPROVED", 900L, "REJECTED(OUT_OF_STOCK)", 100L),
                new Timeline("o00000001", List.of(new Timeline.Step("orders", "create", 0, 400),
                        new Timeline.Step("depot", "reserve", 500, 900)), "the open loop at the common load"), "none",
                null,
                new Ceiling(4 * throughput, Ceiling.CPU, 500_000 / throughput, "2 cores x 1e6 / per-order CPU"),
                new MaxRate(throughput, 5, 15, false, 64, false, List.of(
                        new SustainableRate.Probe(throughput, 5, throughput, 0.99, 2, p99Millis, false, true,
                                "sustained"),
                        new SustainableRate.Probe(throughput * 1.5, 5, throughput * 1.2, 0.8, 300, 2_000, false, false,
                                "80.0 % of the orders reached an outcome in time (< 97 %)"),
                        new SustainableRate.Probe(throughput, 15, throughput, 0.99, 3, p99Millis, false, true,
                                "sustained"))),
                new ForcedWritesPerOrder(Map.of("tm-" + id, 2.0, "H2 orders", 0.01), 800, 4, null));
    }

    /** Three seconds at the rate, the middle one a stall (a tenth of the outcomes at ten times the p99). */
    static List<OverTime.Second> perSecond(double rate, double p99Millis) {
        return List.of(new OverTime.Second(0, Math.round(rate), p99Millis),
                new OverTime.Second(1, Math.round(rate / 10), p99Millis * 10),
                new OverTime.Second(2, Math.round(rate), p99Millis));
    }

    static LatencySummary latency(double p99Millis) {
        return new LatencySummary("outcome latency", 300, p99Millis / 4, p99Millis / 2, p99Millis, p99Millis * 1.5,
                p99Millis * 2, p99Millis / 3, p99Millis / 5, List.of(new LatencySummary.Point(0, p99Millis / 10),
                new LatencySummary.Point(50, p99Millis / 4), new LatencySummary.Point(99, p99Millis)));
    }
}
