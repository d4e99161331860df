package dev.txlab.report;

import java.util.List;
import java.util.Map;

/**
 * How a comparison was run, enough to reproduce it: the sweep, the configuration (credentials
 * masked), the workload and its seed, the durability profile, the network model, the machine and
 * the code, the machine's primitives measured alone before the runs, and how busy the machine was
 * apart from the comparison ({@code machineLoad}; null in results written before it was measured).
 */
public record Method(String sweep, String sweepExplained, String startedAt, double elapsedSeconds, String gitCommit,
                     String command, String store, String durability, List<String> durabilityNotes, String transport,
                     String workload, long seed, String networkModel, Map<String, String> settings,
                     Environment environment, List<PrimitiveCost> primitives, MachineLoad machineLoad) {

    public Method {
        durabilityNotes = List.copyOf(durabilityNotes);
        primitives = primitives == null ? List.of() : List.copyOf(primitives);
        settings = Map.copyOf(settings);
    }

    /** The machine and the software under test: CPU, cores, memory, OS, JVM, database and broker versions. */
    public record Environment(String cpu, int cores, long memoryBytes, String os, String jvm,
                              Map<String, String> databases, Map<String, String> brokers) {
        public Environment {
            databases = Map.copyOf(databases);
            brokers = Map.copyOf(brokers);
        }
    }
}
