package dev.txlab.scenarios;

import dev.txlab.harness.child.ChildJvm;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.store.StoreConfig;

import java.time.Duration;
import java.util.Optional;

/**
 * Recovers one run in a JVM of its own (a TM is configured once per JVM, so a second TM node's
 * recovery cannot share the scenario's JVM); its request: {@link Request}. Prints what recovery left and what the audit found after {@link #MARKER}.
 */
public final class RecoveryMain {
    static final String MARKER = "TXLAB-RECOVERED ";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private RecoveryMain() {
    }

    /** What the child recovers: an implementation's run, where, under which prefix. */
    record Request(ImplementationId implementation, ScenarioContext.Where where, String prefix) {
    }

    public static void main(String[] args) throws Exception {
        Request request = ChildJvm.request(args, Request.class);
        ScenarioContext context = request.where().context();
        StoreConfig store = context.storeFor(request.prefix());
        AfterRecovery after = AfterRecovery.of(context, request.implementation(), store);
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
        ChildJvm.Result child = ChildJvm.run(RecoveryMain.class, TIMEOUT,
                new Request(implementation, context.where(), prefix));
        return child.stdout().lines().filter(line -> line.startsWith(MARKER)).findFirst()
                .map(line -> line.substring(MARKER.length()).split(" ", 2))
                .map(parts -> new Outcome(Double.parseDouble(parts[0]),
                        parts[1].isEmpty() ? Optional.empty() : Optional.of(parts[1])))
                .orElseGet(() -> new Outcome(0, Optional.of("the recovery JVM ended with exit code "
                        + child.exitCode() + " without a result; last stderr line: "
                            + child.lastStderrLine().orElse("(none)"))));
    }
}
