package dev.txlab.scenarios;

import dev.txlab.domain.placement.ImplementationId;
import dev.txlab.domain.placement.TransportSettings;
import dev.txlab.domain.store.StoreConfig;
import dev.txlab.domain.store.StoreKind;
import dev.txlab.testkit.ChildJvm;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Recovers one run in a JVM of its own (a TM is configured once per JVM, so a second TM node's
 * recovery cannot share the scenario's JVM): arguments implementation, store kind, transport kind,
 * data dir, prefix. Prints what recovery left and what the audit found after {@link #MARKER}.
 */
public final class RecoveryMain {
    static final String MARKER = "TXLAB-RECOVERED ";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private RecoveryMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: RecoveryMain implementation store transport data-dir prefix");
        }
        ScenarioContext context = new ScenarioContext(StoreKind.parse(args[1]), TransportSettings.Kind.parse(args[2]),
                Path.of(args[3]), Clock.systemUTC());
        StoreConfig store = context.storeFor(args[4]);
        AfterRecovery after = AfterRecovery.of(context, ImplementationId.parse(args[0]), store);
        String problem = !after.left().isEmpty() ? "recovery left " + after.left().size() + ": " + after.left().get(0)
                : after.audit().ok() ? "" : "the audit after recovery: " + after.audit().describe(3);
        System.out.println(MARKER + after.seconds() + " " + problem.replace('\n', ' '));
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    /** What a child's recovery found wrong (empty when consistent), and its seconds; or why it did not finish. */
    record Outcome(double seconds, Optional<String> problem) {
    }

    static Outcome recoverInChild(ScenarioContext context, ImplementationId implementation, String prefix) {
        ChildJvm.Result child = ChildJvm.run(RecoveryMain.class, TIMEOUT, implementation.id(), context.store().id(),
                context.transport().id(), context.dataDir().toString(), prefix);
        return child.stdout().lines().filter(line -> line.startsWith(MARKER)).findFirst()
                .map(line -> line.substring(MARKER.length()).split(" ", 2))
                .map(parts -> new Outcome(Double.parseDouble(parts[0]),
                        parts[1].isEmpty() ? Optional.empty() : Optional.of(parts[1])))
                .orElseGet(() -> new Outcome(0, Optional.of("the recovery JVM ended with exit code "
                        + child.exitCode() + " without a result; last stderr line: "
                            + child.lastStderrLine().orElse("(none)"))));
    }
}
