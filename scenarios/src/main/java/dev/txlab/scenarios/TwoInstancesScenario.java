package dev.txlab.scenarios;

import dev.txlab.harness.audit.AuditReport;
import dev.txlab.harness.child.ChildJvm;
import dev.txlab.harness.child.ChildRun;
import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.SubmitFailedException;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.run.FileTrees;
import dev.txlab.harness.run.Run;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.workload.WorkloadSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Two instances of a saga implementation at once, over the same databases and broker: this JVM
 * places the orders, a second JVM ({@link SecondInstanceMain}) runs the same services and
 * coordinator in the same consumer groups, so the deliveries of one saga land on both. Orders are
 * submitted at a steady rate while both run; then the databases must settle (no PENDING order, no
 * running saga) and the audit hold. Passes when both instances handled deliveries and the audit holds.
 */
public record TwoInstancesScenario(String id, String description, Set<ImplementationId> appliesTo,
                                   WorkloadSpec workload, int ordersPerSecond) implements Scenario {
    private static final Duration READY_WAIT = Duration.ofMinutes(1);

    public TwoInstancesScenario {
        appliesTo = Set.copyOf(appliesTo);
    }

    @Override
    public String mustHold() {
        return "I0-I6 with two instances sharing the work; every order settles once";
    }

    @Override
    public Optional<String> unsupportedOn(ScenarioContext context, ImplementationId implementation) {
        return context.transport() == TransportSettings.Kind.NATS ? Optional.empty() : Optional.of("the embedded "
                + "Artemis broker lives inside one process, so a second instance cannot share it; run it with "
                + "--transport nats");
    }

    /**
     * Two instances split each subscription's deliveries between four consumer threads (two each);
     * measured on 2 cores (PostgreSQL + NATS), this instance's mean stayed at 1.9 to 2.2 deliveries
     * per transaction from 120 to 2,000 offered orders/s, where a deeper backlog only brings
     * redeliveries.
     */
    @Override
    public Optional<String> whyBatchesMayStaySmall() {
        return Optional.of("two instances split each subscription's deliveries between four consumer threads, "
                + "which keeps the mean batch near 2 at any offered rate");
    }

    @Override
    public FaultMatrix.Cell run(ScenarioContext context, ImplementationId implementation) throws Exception {
        StoreConfig store = context.storeFor(id, implementation);
        try (Run run = Run.prepare(context.runOptions(store, implementation)
                .workload(workload)
                .callers(4)
                .tm(ChildRun.tmSettings(CrashScenario.PRESUMED_ABORT_SECONDS))
                .build())) {
            Path handshake = store.runDir().resolve("second-instance");
            FileTrees.deleteIfExists(handshake); // an earlier run's "ready" and "stop" must not answer for this one
            Files.createDirectories(handshake);
            CompletableFuture<ChildJvm.Result> second = CompletableFuture.supplyAsync(() -> ChildJvm.run(
                    SecondInstanceMain.class, SecondInstanceMain.MAX_LIFE.plusMinutes(1), new SecondInstanceMain.Request(
                            implementation, context.where(), store.prefix(), handshake.toString())));
            Optional<String> notReady = awaitReady(handshake, second);
            if (notReady.isPresent()) {
                return FaultMatrix.Cell.fail("the fault did not fire: " + notReady.get());
            }
            int refused = submitAtRate(run);
            run.awaitQuiescence();
            Files.writeString(handshake.resolve(SecondInstanceMain.STOP), "");
            ChildJvm.Result child = second.get(2, TimeUnit.MINUTES);
            long secondDelivered = child.stdout().lines().filter(line -> line.startsWith(SecondInstanceMain.MARKER))
                    .mapToLong(line -> Long.parseLong(line.substring(SecondInstanceMain.MARKER.length())))
                    .findFirst().orElse(-1);
            MessageCounts counted = run.placement().messageCounts().orElse(MessageCounts.NONE);
            long firstDelivered = counted.delivered();
            AuditReport audit = run.audit();
            String evidence = String.format(Locale.ROOT, "%d orders submitted at %d/s, %d refused at submission; "
                            + "deliveries handled: %d by this instance, %d by the second", workload.orders(),
                    ordersPerSecond, refused, firstDelivered, secondDelivered);
            if (secondDelivered <= 0 || firstDelivered <= 0) {
                return FaultMatrix.Cell.fail("the fault did not fire: the instances did not share the work; "
                        + evidence + lastLine(child));
            }
            return (audit.ok() ? FaultMatrix.Cell.pass(evidence + "; audit OK (batches: this instance's)", null)
                    : FaultMatrix.Cell.fail(evidence + "; the audit: " + audit.describe(3))).withBatches(counted);
        }
    }

    /** Waits until the second instance says it runs; empty then, otherwise why not. */
    private static Optional<String> awaitReady(Path handshake, CompletableFuture<ChildJvm.Result> second) {
        long deadline = System.nanoTime() + READY_WAIT.toNanos();
        while (!Files.exists(handshake.resolve(SecondInstanceMain.READY))) {
            if (second.isDone()) {
                return Optional.of("the second instance ended before it ran" + lastLine(second.join()));
            }
            if (System.nanoTime() > deadline) {
                return Optional.of("the second instance did not start within " + READY_WAIT.toSeconds() + " s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        return Optional.empty();
    }

    /** Submits every order of the workload at the scenario's rate; returns how many were refused. */
    private int submitAtRate(Run run) {
        long interval = TimeUnit.SECONDS.toNanos(1) / ordersPerSecond;
        long next = System.nanoTime();
        int refused = 0;
        while (true) {
            LockSupport.parkNanos(next - System.nanoTime());
            next += interval;
            try {
                if (run.feed().submitNext().isEmpty()) {
                    return refused;
                }
            } catch (SubmitFailedException e) {
                refused++;
            }
        }
    }

    private static String lastLine(ChildJvm.Result child) {
        return child.lastStderrLine().map(line -> "; its last stderr line: " + line)
                .orElse("");
    }
}
