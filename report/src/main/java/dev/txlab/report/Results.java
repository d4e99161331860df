package dev.txlab.report;

import dev.txlab.scenarios.FaultMatrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a comparison measured, as written to {@code results.json} and read back by
 * {@code txlab report}: how it was run, on what, one entry per implementation and network, the
 * guarantee evidence it gathered ({@code evidence}: each implementation's isolation probe and one
 * crash; null when it gathered none), when each implementation's first pass ran in several fresh
 * runs, their spread ({@code runToRun}; empty after one run: the entry is then that run), and each
 * implementation's first pass with the other orders models compared ({@code otherOrdersModels}; empty
 * when the comparison ran one).
 */
public record Results(int schemaVersion, Method method, List<ImplementationResult> implementations,
                      FaultMatrix evidence, List<RunToRun> runToRun, List<OrdersModelRun> otherOrdersModels) {
    public static final int SCHEMA_VERSION = 1;

    /** Each implementation's first pass, at the first network, with one more orders model. */
    public record OrdersModelRun(String ordersModel, List<ImplementationResult> implementations) {
        public OrdersModelRun {
            implementations = List.copyOf(implementations);
        }
    }

    public Results {
        implementations = implementations == null ? List.of() : List.copyOf(implementations);
        runToRun = runToRun == null ? List.of() : List.copyOf(runToRun);
        otherOrdersModels = otherOrdersModels == null ? List.of() : List.copyOf(otherOrdersModels);
    }

    /** The orders model of {@link #implementations}, by its id ({@code state} for results from before it was said). */
    public String ordersModel() {
        return ordersModel(method);
    }

    /**
     * The models the orders and the accounts were kept in, for a report's first line ("orders model
     * event-sourced, accounts model state"), with the other orders models compared beside.
     */
    public String modelsKept() {
        return "orders model " + ordersModel() + (otherOrdersModels.isEmpty() ? "" : " (also "
                + String.join(", ", otherOrdersModels.stream().map(OrdersModelRun::ordersModel).toList())
                + ", side by side in section 4)") + ", accounts model " + accountsModel(method);
    }

    /** The run-to-run spread of one implementation at one network, when its first pass was repeated. */
    public Optional<RunToRun> runToRun(ImplementationResult result) {
        return runToRun.stream().filter(r -> r.implementation().equals(result.implementation())
                && r.network().equals(result.network())).findFirst();
    }

    /** The entries measured at one network profile, in the order they were run. */
    public List<ImplementationResult> at(String network) {
        return implementations.stream().filter(result -> result.network().equals(network)).toList();
    }

    /** The network profiles measured, in the order they first appear. */
    public List<String> networks() {
        return implementations.stream().map(ImplementationResult::network).distinct().toList();
    }

    /**
     * What makes {@code other} not comparable with these results, one line each ("sweep: quick, then
     * default"): the sweep and its fresh runs, the stores, the transport, the durability, the
     * workload and the machine.
     */
    public List<String> differencesFrom(Results other) {
        Method mine = method;
        Method theirs = other.method;
        List<String> differences = new ArrayList<>();
        differ(differences, "sweep", theirs.sweep(), mine.sweep());
        differ(differences, "fresh runs per implementation", String.valueOf(other.freshRuns()),
                String.valueOf(freshRuns()));
        differ(differences, "store", theirs.store(), mine.store());
        differ(differences, "transport", theirs.transport(), mine.transport());
        differ(differences, "durability", theirs.durability(), mine.durability());
        differ(differences, "workload", theirs.workload(), mine.workload());
        differ(differences, "orders model", ordersModel(theirs), ordersModel(mine));
        differ(differences, "other orders models", models(other), models(this));
        differ(differences, "accounts model", accountsModel(theirs), accountsModel(mine));
        differ(differences, "machine", machine(theirs.environment()), machine(mine.environment()));
        return differences;
    }

    /** How many fresh runs each implementation's first pass had (1 unless repeated). */
    public int freshRuns() {
        return runToRun.stream().mapToInt(RunToRun::runs).max().orElse(1);
    }

    private static void differ(List<String> differences, String what, String then, String now) {
        if (!Objects.equals(then, now)) {
            differences.add(what + ": " + then + ", then " + now);
        }
    }

    private static String models(Results results) {
        return results.otherOrdersModels.stream().map(OrdersModelRun::ordersModel).toList().toString();
    }

    private static String ordersModel(Method method) {
        return method.settings().getOrDefault("orders model", "state").split(" ", 2)[0];
    }

    /** The accounts model with its snapshot interval, as the method says it ("state" before it said any). */
    private static String accountsModel(Method method) {
        return method.settings().getOrDefault("accounts model", "state").split(" \\(", 2)[0];
    }

    private static String machine(Method.Environment environment) {
        return environment == null ? "unknown" : environment.cpu() + ", " + environment.cores() + " cores, "
                + environment.memoryBytes() / (1024 * 1024) + " MiB";
    }

    /**
     * True when every implementation's run counts as a result (it ran, placed its orders, passed its
     * audit) and every crash of the guarantee evidence recovered to a passing audit.
     */
    public boolean allPassed() {
        return implementations.stream().allMatch(ImplementationResult::passed)
                && (evidence == null || evidence.failures() == 0);
    }
}
