package dev.txlab.cli.compare;

import dev.txlab.harness.network.NetworkProfile;
import dev.txlab.load.SustainableRate;
import dev.txlab.report.Figures;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a comparison measures per implementation, in two passes. First pass, one run per
 * implementation: closed-loop throughput on a ladder of callers (a warm-up, then timed iterations
 * whose spread is reported; the level that gave the most then timed until it has
 * {@code bestIterations}, the sample of the verdict's intervals), then an open-loop search for the max sustainable rate starting at the
 * ladder's best ({@link SustainableRate}): at most {@code search.probes()} windows of
 * {@code search.window()}, then the rate found held for {@code search.hold()} (a step lower after a
 * hold that fails, at most {@code search.holds()} of them). Second pass, a fresh run each, once every
 * maximum is known: open-loop latency for {@code openLoop} at the common load ({@link #COMMON_LOAD} of the slowest
 * implementation's max sustainable rate, the same offered rate for all) and at each of
 * {@code loadFractions} of the implementation's own max; at each network profile. Forced writes are
 * counted in one more {@code iteration} of the first pass, after the search. The first pass is
 * repeated in {@code runs} fresh runs per implementation, in alternating order ({@link #runOrder}),
 * for the run-to-run spread; the second pass starts from each one's median run.
 */
public record SweepPlan(String name, Duration warmup, int iterations, int bestIterations, Duration iteration,
                        List<Integer> threads, SustainableRate.Plan search, Duration openLoop, List<Double> loadFractions,
                        Duration maxLag, List<NetworkProfile> networks, int runs) {
    /** The common load: this share of the slowest implementation's max sustainable rate. */
    public static final double COMMON_LOAD = 0.5;
    private static final List<Integer> LADDER = List.of(1, 4, 16, 64);

    /** Timed iterations at the ladder's best level, at least: what a 95 % interval of its mean wants. */
    public static final int BEST_ITERATIONS = 10;

    public static final SweepPlan QUICK = new SweepPlan("quick", Duration.ofMillis(500), 2, BEST_ITERATIONS,
            Duration.ofMillis(500),
            LADDER, new SustainableRate.Plan(Duration.ofMillis(1500), 4, Duration.ZERO, 0), Duration.ofSeconds(2),
            List.of(0.7), Duration.ofSeconds(1),
            List.of(NetworkProfile.NONE), 1);
    public static final SweepPlan DEFAULT = new SweepPlan("default", Duration.ofSeconds(2), 3, BEST_ITERATIONS,
            Duration.ofSeconds(2),
            LADDER, new SustainableRate.Plan(Duration.ofSeconds(5), 5, Duration.ofSeconds(10), 3),
            Duration.ofSeconds(5), List.of(0.7), Duration.ofSeconds(2),
            List.of(NetworkProfile.NONE), 1);
    public static final SweepPlan FULL = new SweepPlan("full", Duration.ofSeconds(3), 5, BEST_ITERATIONS,
            Duration.ofSeconds(4),
            List.of(1, 2, 4, 8, 16, 64), new SustainableRate.Plan(Duration.ofSeconds(8), 6, Duration.ofSeconds(60), 3),
            Duration.ofSeconds(8),
            List.of(0.25, 0.5, 0.7, 0.9, 1.0, 1.2), Duration.ofSeconds(5),
            List.of(NetworkProfile.NONE, NetworkProfile.LAN, NetworkProfile.WAN), 3);

    public SweepPlan {
        threads = List.copyOf(threads);
        loadFractions = List.copyOf(loadFractions);
        networks = List.copyOf(networks);
        if (iterations < 2) {
            throw new IllegalArgumentException("a sweep needs at least 2 iterations for a spread, was " + iterations);
        }
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, was " + runs);
        }
        if (bestIterations < iterations) {
            throw new IllegalArgumentException("the best level's iterations (" + bestIterations + ") cannot be fewer "
                    + "than every level's (" + iterations + ")");
        }
    }

    /** Whether this is the quick sweep, whose short windows do not make its result the max sustainable rate. */
    public boolean quick() {
        return name.equals(QUICK.name);
    }

    /** The callers that the run's connection pools must serve at once: the ladder's top. */
    public int maxCallers() {
        return threads.stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    /**
     * This plan with at most {@code callers} callers: closed-loop levels above it left out and the cap
     * itself measured in their place, so the ladder still reaches as high as the servers allow.
     */
    public SweepPlan cappedAt(int callers) {
        List<Integer> allowed = new ArrayList<>(threads.stream().filter(count -> count < callers).toList());
        if (threads.stream().anyMatch(count -> count >= callers)) {
            allowed.add(callers);
        }
        return new SweepPlan(name, warmup, iterations, bestIterations, iteration,
                allowed.isEmpty() ? List.of(callers) : allowed, search, openLoop, loadFractions, maxLag, networks,
                runs);
    }

    /** This plan at the given network profiles instead of its own. */
    public SweepPlan withNetworks(List<NetworkProfile> profiles) {
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs at least one network; give none, lan, wan or a "
                    + "one-way delay such as 2ms");
        }
        return new SweepPlan(name, warmup, iterations, bestIterations, iteration, threads, search, openLoop,
                loadFractions, maxLag, profiles, runs);
    }

    /** This plan with each implementation's first pass in {@code count} fresh runs. */
    public SweepPlan withRuns(int count) {
        return new SweepPlan(name, warmup, iterations, bestIterations, iteration, threads, search, openLoop,
                loadFractions, maxLag, networks, count);
    }

    /**
     * The order of the implementations in fresh run {@code run} (from 0): as given, then reversed, and
     * so on (A B C, C B A, A B C), so that no implementation always runs first or last.
     */
    public static <T> List<T> runOrder(List<T> implementations, int run) {
        List<T> order = new ArrayList<>(implementations);
        if (run % 2 == 1) {
            Collections.reverse(order);
        }
        return order;
    }

    /** Load phases of the first pass per implementation and network, for the progress bar. */
    public int phasesPerRun() {
        return threads.size() * (1 + iterations) + (bestIterations - iterations) + search.probes() + search.holds()
                + 1;
    }

    /** The plan in one sentence, for the report's method section. */
    public String explained() {
        return String.format(Locale.ROOT, "%s sweep: closed loop at %s callers, each a %.1f s warm-up then %d timed "
                        + "iterations of %.1f s (spread = standard deviation over the iterations), the best level "
                        + "timed on to %d iterations (the verdict's intervals); then the max "
                        + "sustainable rate, searched in open-loop windows of %s (at most %d, from the closed "
                        + "loop's best)%s (sustained = >= %.0f %% of the orders issued reach an outcome by the maximum "
                        + "lag after the window, orders in flight not growing, outcome p99 <= %.0f ms, never %.0f s "
                        + "behind schedule, the maximum lag); then forced writes per order, counted by strace in one "
                        + "more closed-loop iteration at the best number of callers (not timed); then, "
                        + "in a fresh run each, %.0f s of open loop at the common load (%.0f %% of the slowest max "
                        + "sustainable rate) and at %s of each one's own max; every open loop with as many workers "
                        + "as the closed loop's best number of callers (a pool sized where the implementation does "
                        + "best); "
                        + "network %s%s%s",
                name, threads.stream().map(String::valueOf).collect(Collectors.joining("/")),
                warmup.toMillis() / 1000.0, iterations, iteration.toMillis() / 1000.0, bestIterations,
                Figures.seconds(search.window().toMillis() / 1000.0), search.probes(), holdExplained(),
                100 * SustainableRate.KEEP_UP_SHARE,
                SustainableRate.P99_LIMIT_MILLIS, maxLag.toMillis() / 1000.0, openLoop.toMillis() / 1000.0,
                100 * COMMON_LOAD,
                loadFractions.stream().map(f -> Math.round(f * 100) + " %").collect(Collectors.joining(", ")),
                networks.stream().map(NetworkProfile::describe).collect(Collectors.joining(", ")),
                runs == 1 ? "" : String.format(Locale.ROOT, "; the first pass in %d fresh runs per implementation, in "
                        + "alternating order (A B C, C B A, ...), the report showing each one's median run by max "
                        + "sustainable rate with the run-to-run spread", runs),
                quick() ? " (quick: not the max sustainable rate, its windows are too short)" : "");
    }

    private String holdExplained() {
        return search.holds() == 0 ? ", the rate found not held for longer"
                : String.format(Locale.ROOT, ", then held for %.0f s (after a hold that fails, the next tries the "
                        + "lower of its rate and what it achieved, over %.1f; at most %d holds; the max is the first "
                        + "rate held, or, when none holds, the next step down, marked estimated)",
                search.hold().toMillis() / 1000.0, SustainableRate.PRECISION, search.holds());
    }
}
