package dev.txlab.cli.compare;

import dev.txlab.harness.network.NetworkProfile;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a comparison measures per implementation: closed-loop throughput at each number of callers
 * (a warm-up, then timed iterations whose spread is reported), then open-loop latency at fixed
 * fractions of the highest throughput measured, at each network profile.
 */
public record SweepPlan(String name, Duration warmup, int iterations, Duration iteration, List<Integer> threads,
                        Duration openLoop, List<Double> loadFractions, int openLoopWorkers, Duration maxLag,
                        List<NetworkProfile> networks) {

    public static final SweepPlan QUICK = new SweepPlan("quick", Duration.ofMillis(1000), 2, Duration.ofMillis(1500),
            List.of(1, 4), Duration.ofSeconds(3), List.of(0.5), 8, Duration.ofSeconds(2),
            List.of(NetworkProfile.NONE));
    public static final SweepPlan DEFAULT = new SweepPlan("default", Duration.ofSeconds(2), 3, Duration.ofSeconds(3),
            List.of(1, 4), Duration.ofSeconds(8), List.of(0.5), 8, Duration.ofSeconds(5),
            List.of(NetworkProfile.NONE));
    public static final SweepPlan FULL = new SweepPlan("full", Duration.ofSeconds(3), 5, Duration.ofSeconds(4),
            List.of(1, 2, 4, 8), Duration.ofSeconds(8), List.of(0.25, 0.5, 0.75, 0.9, 1.0, 1.2), 16,
            Duration.ofSeconds(5),
            List.of(NetworkProfile.NONE, NetworkProfile.LAN, NetworkProfile.WAN));

    public SweepPlan {
        threads = List.copyOf(threads);
        loadFractions = List.copyOf(loadFractions);
        networks = List.copyOf(networks);
        if (iterations < 2) {
            throw new IllegalArgumentException("a sweep needs at least 2 iterations for a spread, was " + iterations);
        }
    }

    /** The callers that the run's connection pools must serve at once. */
    public int maxCallers() {
        return Math.max(openLoopWorkers, threads.stream().mapToInt(Integer::intValue).max().orElse(1));
    }

    /**
     * This plan with at most {@code callers} callers: closed-loop levels above it left out (the cap
     * itself measured instead when none is left) and the open loop's workers no more than it.
     */
    public SweepPlan cappedAt(int callers) {
        List<Integer> allowed = threads.stream().filter(count -> count <= callers).toList();
        return new SweepPlan(name, warmup, iterations, iteration, allowed.isEmpty() ? List.of(callers) : allowed,
                openLoop, loadFractions, Math.min(openLoopWorkers, callers), maxLag, networks);
    }

    /** Load phases per implementation and network, for the progress bar. */
    public int phasesPerRun() {
        return threads.size() * (1 + iterations) + loadFractions.size();
    }

    /** The plan in one sentence, for the report's method section. */
    public String explained() {
        return String.format(Locale.ROOT, "%s sweep: closed loop at %s callers, each a %.1f s warm-up then %d timed "
                        + "iterations of %.1f s (spread = standard deviation over the iterations); open loop for "
                        + "%.0f s at %s of the highest mean throughput, %d workers, stopped as saturated when %.0f s "
                        + "behind schedule; network %s",
                name, threads.stream().map(String::valueOf).collect(Collectors.joining("/")),
                warmup.toMillis() / 1000.0, iterations, iteration.toMillis() / 1000.0, openLoop.toMillis() / 1000.0,
                loadFractions.stream().map(f -> Math.round(f * 100) + "%").collect(Collectors.joining(", ")),
                openLoopWorkers, maxLag.toMillis() / 1000.0,
                networks.stream().map(NetworkProfile::describe).collect(Collectors.joining(", ")));
    }
}
