package dev.txlab.report;

import java.util.List;

/**
 * Everything a comparison measured, as written to {@code results.json} and read back by
 * {@code txlab report}: how it was run, on what, and one entry per implementation and network.
 */
public record Results(int schemaVersion, Method method, List<ImplementationResult> implementations) {
    public static final int SCHEMA_VERSION = 1;

    public Results {
        implementations = implementations == null ? List.of() : List.copyOf(implementations);
    }

    /** The entries measured at one network profile, in the order they were run. */
    public List<ImplementationResult> at(String network) {
        return implementations.stream().filter(result -> result.network().equals(network)).toList();
    }

    /** The network profiles measured, in the order they first appear. */
    public List<String> networks() {
        return implementations.stream().map(ImplementationResult::network).distinct().toList();
    }

    /** True when every implementation's run counts as a result: it ran, placed its orders, passed its audit. */
    public boolean allPassed() {
        return implementations.stream().allMatch(ImplementationResult::passed);
    }
}
