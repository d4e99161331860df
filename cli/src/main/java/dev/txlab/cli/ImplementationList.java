package dev.txlab.cli;

import dev.txlab.harness.placement.ImplementationId;

import java.util.Arrays;
import java.util.List;

/** The {@code --impl a,b,...|all} flag of compare and faults. */
final class ImplementationList {
    static final String ALL = "all";

    private ImplementationList() {
    }

    static List<ImplementationId> parse(List<String> values) {
        if (values.size() == 1 && values.get(0).trim().equals(ALL)) {
            return Arrays.asList(ImplementationId.values());
        }
        return values.stream().map(ImplementationId::parse).distinct().toList();
    }
}
