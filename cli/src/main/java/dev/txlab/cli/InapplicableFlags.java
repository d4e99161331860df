package dev.txlab.cli;

import dev.txlab.harness.placement.ImplementationId.Coordination;
import dev.txlab.harness.placement.ImplementationId;
import picocli.CommandLine.ParseResult;

import java.io.PrintStream;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Warns, one line each, about flags given that none of the chosen implementations uses: the broker's
 * with no saga, the transaction manager's with no XA implementation. They are ignored, not refused,
 * so one command line can serve every implementation.
 */
final class InapplicableFlags {
    private static final Map<Coordination, List<String>> FLAGS = new EnumMap<>(Map.of(
            Coordination.SAGA, List.of(TransportOptions.TRANSPORT, TransportOptions.URL,
                    TransportOptions.BATCH, TransportOptions.LINGER),
            Coordination.XA, List.of(TmOptions.STORE, TmOptions.TIMEOUT)));
    private static final Map<Coordination, String> USED_BY = Map.of(
            Coordination.SAGA, "only the sagas use a broker", Coordination.XA,
            "only the XA implementations use a transaction manager");

    private InapplicableFlags() {
    }

    static void warn(ParseResult parsed, Collection<ImplementationId> implementations, PrintStream err) {
        FLAGS.forEach((coordination, flags) -> {
            if (implementations.stream().noneMatch(id -> id.coordination() == coordination)) {
                flags.stream().filter(parsed::hasMatchedOption).forEach(flag -> err.println("txlab: warning: " + flag
                        + " does not apply to " + implementations.stream().map(ImplementationId::id)
                        .collect(Collectors.joining(", "))
                        + " (" + USED_BY.get(coordination) + "); ignored"));
            }
        });
    }
}
