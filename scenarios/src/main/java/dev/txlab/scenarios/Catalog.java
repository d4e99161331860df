package dev.txlab.scenarios;

import dev.txlab.domain.model.OrderStatus;
import dev.txlab.domain.model.RejectionReason;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.fault.CrashPoint;
import dev.txlab.harness.fault.FaultPlan;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.workload.OrderKind;
import dev.txlab.harness.workload.Workload;
import dev.txlab.harness.workload.WorkloadSpec;
import dev.txlab.scenarios.RunScenario.Proof;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fault catalog: every scenario with its id, description, the implementations it applies to,
 * its fault and what it must hold. {@code quick} is what CI runs on every implementation; {@code full}
 * adds the longer variants for users.
 */
public final class Catalog {
    static final Set<ImplementationId> XA = EnumSet.of(ImplementationId.XA_NARAYANA, ImplementationId.XA_ATOMIKOS);
    static final Set<ImplementationId> SAGAS = EnumSet.of(ImplementationId.SAGA_CHOREO, ImplementationId.SAGA_ORCH);
    static final Set<ImplementationId> BASELINE = EnumSet.of(ImplementationId.LOCAL_BASELINE);
    static final Set<ImplementationId> ALL = EnumSet.allOf(ImplementationId.class);

    /** XA crash scenarios: one caller, so the crashing order is the N-th order meant to be approved. */
    private static final int XA_ORDERS = 40;
    private static final int XA_HIT = 5;
    private static final long XA_SEED = 42;
    /**
     * The saga crash scenarios' orders; their hits are low because with {@link #SAGA_CALLERS} callers
     * a run of them takes only a few dozen consumer transactions and relay rounds (22 consumer
     * transactions in a saga-choreo run of 60 orders on H2 files).
     */
    private static final int SAGA_ORDERS = 100;
    private static final long SAGA_SEED = 3;
    /**
     * The callers of every saga run in the catalog: enough that the consumers' batches form, as they do
     * in the runtime's default use (on 2 cores, H2 files: 4 callers leave about one delivery per local
     * transaction, 16 about two, 32 about three, 64 about four; {@link BatchesFormed} fails a saga cell
     * below {@value BatchesFormed#MIN_MEAN}).
     */
    static final int SAGA_CALLERS = 64;
    /**
     * The late-success scenario: one order per caller, all at once, so the run lasts about one
     * hold-back, which outlasts the orchestrator's 10 s reply timeout and its 1 s sweep.
     */
    private static final int LATE_ORDERS = SAGA_CALLERS;
    private static final Duration LATE_RESERVATION = Duration.ofSeconds(15);

    /**
     * The crash {@code txlab compare} runs for each implementation: of the crash scenarios (a halt at a
     * named protocol point), the one whose recovery took longest to reach a passing audit in the full
     * matrix ({@code txlab faults --suite full} on h2-file and Artemis; the figures are in the README,
     * "Guarantee evidence in every comparison").
     */
    private static final Map<ImplementationId, String> SLOWEST_RECOVERY = Map.of(
            ImplementationId.LOCAL_BASELINE, "local-halt-after-commit",
            ImplementationId.XA_NARAYANA, "busy-xa-halt-after-decision",
            ImplementationId.XA_ATOMIKOS, "busy-xa-halt-mid-phase2",
            ImplementationId.SAGA_CHOREO, "saga-halt-before-mark",
            ImplementationId.SAGA_ORCH, "saga-halt-before-publish");

    private Catalog() {
    }

    /** The crash {@code txlab compare} runs for the implementation: the slowest to recover in the full matrix. */
    public static Scenario slowestRecovery(ImplementationId implementation) {
        String id = SLOWEST_RECOVERY.get(implementation);
        return byId(id).orElseThrow(() -> new IllegalStateException("no scenario '" + id + "' in the catalog"));
    }

    /** The suite by name: quick or full. */
    public static List<Scenario> suite(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "quick" -> quick();
            case "full" -> full();
            default -> throw new IllegalArgumentException("unknown suite '" + name + "'; expected quick or full");
        };
    }

    public static List<Scenario> quick() {
        return List.of(
                new CrashScenario("xa-halt-after-prepares", "2PC: halt after every participant prepared, before "
                        + "the commit decision is logged; presumed abort must roll every branch back", XA,
                        CrashPoint.XA_AFTER_ALL_PREPARES, XA_HIT, XA_ORDERS, 1, XA_SEED,
                        crashingOrderIs(Optional.empty())),
                new CrashScenario("xa-halt-after-decision", "2PC: halt after the commit decision is logged, before "
                        + "phase 2; recovery must commit every branch", XA, CrashPoint.XA_AFTER_COMMIT_DECISION,
                        XA_HIT, XA_ORDERS, 1, XA_SEED, crashingOrderIs(Optional.of(OrderStatus.APPROVED))),
                new CrashScenario("xa-halt-mid-phase2", "2PC: halt after the first participant committed in "
                        + "phase 2; recovery must commit the others", XA, CrashPoint.XA_AFTER_FIRST_PHASE2_COMMIT,
                        XA_HIT, XA_ORDERS, 1, XA_SEED, crashingOrderIs(Optional.of(OrderStatus.APPROVED))),
                new CommitRetryScenario("xa-commit-fails-retryably", "2PC: one participant's phase-2 commit "
                        + "fails with a retryable error (XAER_RMFAIL) while the others commit; the TM must commit "
                        + "the branch left prepared", XA, new FaultPlan.CommitFailure(ServiceName.PAYMENTS, XA_HIT),
                        xaWorkload(), crashingOrderIs(Optional.of(OrderStatus.APPROVED))),
                new HandResolvedScenario("xa-branch-resolved-by-hand", "2PC: halt after the commit decision; "
                        + "before recovery an operator rolls back the payments branch by hand; the TMs take "
                        + "XAER_NOTA as done, and the audit must show the heuristic damage", XA,
                        new ChildHalt(CrashPoint.XA_AFTER_COMMIT_DECISION, XA_HIT, XA_ORDERS, 1, XA_SEED),
                        ServiceName.PAYMENTS, xaOrderInDoubt()),
                new OtherNodeScenario("xa-other-node-recovers", "2PC: two TM nodes halt after their prepares on "
                        + "one server; the second node's recovery must leave the first's branches alone, which "
                        + "the first then rolls back (presumed abort)", XA,
                        new ChildHalt(CrashPoint.XA_AFTER_ALL_PREPARES, XA_HIT, XA_ORDERS, 1, XA_SEED),
                        crashingOrderIs(Optional.empty())),
                new CrashScenario("local-halt-before-commit", "local baseline: halt with every write done, before "
                        + "the local commit; nothing of the order may remain", BASELINE,
                        CrashPoint.BASELINE_BEFORE_COMMIT, XA_HIT, XA_ORDERS, 1, XA_SEED, OrderCheck.NONE),
                new CrashScenario("local-halt-after-commit", "local baseline: halt after the local commit, before "
                        + "the caller learns the outcome; the order stays as committed", BASELINE,
                        CrashPoint.BASELINE_AFTER_COMMIT, XA_HIT, XA_ORDERS, 1, XA_SEED, OrderCheck.NONE),
                new CrashScenario("saga-halt-before-publish", "saga: halt between a local commit and the relay's "
                        + "publish of its outbox rows; the restarted relay must publish them", SAGAS,
                        CrashPoint.SAGA_AFTER_LOCAL_COMMIT_BEFORE_PUBLISH, 6, SAGA_ORDERS, SAGA_CALLERS, SAGA_SEED,
                        OrderCheck.NONE),
                new CrashScenario("saga-halt-before-mark", "saga: halt after the relay published, before it "
                        + "marked the rows published; the republished duplicates must be skipped", SAGAS,
                        CrashPoint.SAGA_AFTER_PUBLISH_BEFORE_MARK, 6, SAGA_ORDERS, SAGA_CALLERS, SAGA_SEED,
                        OrderCheck.NONE),
                new CrashScenario("saga-halt-before-ack", "saga: a consumer halts after its local commit, before "
                        + "acknowledging the delivery; the redelivery must be skipped by the inbox", SAGAS,
                        CrashPoint.SAGA_AFTER_CONSUMER_COMMIT_BEFORE_ACK, 12, SAGA_ORDERS, SAGA_CALLERS, SAGA_SEED,
                        OrderCheck.NONE),
                new CrashScenario("saga-halt-mid-batch", "saga: a consumer halts inside a batch of deliveries "
                        + "handled in one local transaction, the first one's statements done, nothing committed; "
                        + "every delivery of the batch must come again and take effect once", SAGAS,
                        CrashPoint.SAGA_MID_BATCH, 3, SAGA_ORDERS, SAGA_CALLERS, SAGA_SEED, OrderCheck.NONE),
                new CrashScenario("orch-halt-mid-compensation", "orchestration: the coordinator halts with some "
                        + "compensations done and others not; the resumed saga must finish compensating",
                        EnumSet.of(ImplementationId.SAGA_ORCH), CrashPoint.SAGA_MID_COMPENSATION, 1, SAGA_ORDERS,
                        SAGA_CALLERS, SAGA_SEED, OrderCheck.NONE),
                new RunScenario("saga-duplicate-deliveries", "saga: 30% of deliveries are delivered twice; each "
                        + "inbox must apply a message once", SAGAS, "I0-I6; one effect per message",
                        spec(150, 5), SAGA_CALLERS,
                        FaultPlan.NONE.withMessageFaults(FaultPlan.MessageFaultRates.of(0.3, 0)),
                        Proof.of(o -> o.messages().duplicatesSkipped() > 0 ? Optional.empty()
                                        : Optional.of("no duplicate was skipped"),
                                o -> o.messages().duplicatesSkipped() + " duplicates skipped")),
                new RunScenario("saga-dropped-before-ack", "saga: 5% of deliveries are dropped before their ack; "
                        + "each must come again and take effect once", SAGAS, "I0-I6; nothing lost",
                        spec(150, 6), SAGA_CALLERS,
                        FaultPlan.NONE.withMessageFaults(FaultPlan.MessageFaultRates.of(0, 0.05)),
                        Proof.of(o -> o.messages().redelivered() > 0 ? Optional.empty()
                                        : Optional.of("nothing was redelivered"),
                                o -> o.messages().redelivered() + " redeliveries")),
                new RunScenario("saga-delayed-deliveries", "saga: 10% of deliveries are held back up to 200 ms "
                        + "(without blocking a consumer), so later messages overtake them (each comes back alone: "
                        + "at 10% batches averaged 1.9 to 2.7 deliveries on PostgreSQL + NATS)", SAGAS,
                        "I0-I6; order of arrival does not matter", spec(300, 10), SAGA_CALLERS,
                        FaultPlan.NONE.withMessageFaults(new FaultPlan.MessageFaultRates(0, 0, 0.1,
                                Duration.ofMillis(200))),
                        Proof.of(o -> o.messages().heldBack() > 0 ? Optional.empty()
                                        : Optional.of("no delivery was held back"),
                                o -> o.messages().heldBack() + " deliveries held back and delivered later")),
                new RunScenario("saga-broker-outage", "saga: the broker is unavailable for 2.5 s mid-run; "
                        + "orders wait and then finish", SAGAS, "I0-I6; orders only delayed", spec(200, 7),
                        SAGA_CALLERS,
                        FaultPlan.NONE.withBrokerOutage(new FaultPlan.BrokerOutage(Duration.ofMillis(500),
                                Duration.ofMillis(2500))),
                        waitedOutHalfOf(Duration.ofMillis(2500))),
                new RunScenario("saga-poison-messages", "saga: two poison messages (an unknown type, a body that "
                        + "does not decode) on every destination the services consume; each must be dead-lettered "
                        + "without holding up an order", SAGAS, "I0-I6; poison dead-lettered, no order message",
                        spec(150, 11), SAGA_CALLERS, FaultPlan.NONE.withPoisonMessages(2),
                        Proof.of(o -> o.messages().deadLettered() > 0 ? Optional.empty()
                                        : Optional.of("no message was dead-lettered"),
                                o -> o.messages().deadLettered() + " poison messages dead-lettered")),
                new RunScenario("saga-compensation-retried", "saga: the first two attempts of every compensating "
                        + "step (releasing stock, rejecting the order) fail with a transient error; the transport "
                        + "must redeliver each until it takes effect, once", SAGAS,
                        "I0-I6; every refused order compensated exactly once",
                        WorkloadSpec.builder().orders(120).seed(12).refusalRate(0.05).build(), SAGA_CALLERS,
                        FaultPlan.NONE.withFailingCompensations(2),
                        Proof.of(o -> o.messages().failedDeliveries() > 0 && o.result().outcomeCounts().keySet()
                                        .stream().anyMatch(label -> label.startsWith("REJECTED")) ? Optional.empty()
                                        : Optional.of("no compensation attempt failed"),
                                o -> o.messages().failedDeliveries() + " compensation attempts failed and were "
                                        + "redelivered; " + o.messages().redelivered() + " redeliveries")),
                lateSuccessAfterCompensation(),
                new RunScenario("refusal-at-every-step", "a business refusal at every step (unknown or disabled "
                        + "customer, out of stock, insufficient funds) at 10% each; refused orders must leave "
                        + "nothing held", ALL, "I0-I6; REJECTED holds neither stock nor money",
                        WorkloadSpec.builder().orders(200).seed(8).refusalRate(0.1).build(), 4, FaultPlan.NONE,
                        refusedAtEveryStep()),
                new TwoInstancesScenario("orch-two-coordinators", "orchestration: a second instance of the "
                        + "services and the saga coordinator (another JVM) shares the consumer groups while orders "
                        + "arrive at 1000/s (more than the two handle, so commands wait past the coordinators' "
                        + "reply timeout and are sent again), so one saga's replies land on both coordinators",
                        EnumSet.of(ImplementationId.SAGA_ORCH), spec(1000, 16), 1000),
                new DatabaseOutageScenario("payments-database-outage", "the payments database is unavailable for "
                        + "2 s mid-run (every round trip fails as a lost connection would; for the local baseline "
                        + "that is its one database); orders are refused or wait, none is lost or half done", ALL,
                        new FaultPlan.DatabaseOutage(ServiceName.PAYMENTS, Duration.ofMillis(100),
                                Duration.ofSeconds(2)), spec(200, 15), 4),
                new RunScenario("last-units", "8 callers (" + SAGA_CALLERS + " for the sagas) compete for the last "
                        + "units of hot products (10 products of 6 units, Zipf 1.5); no oversell", ALL,
                        "I2: stock never negative, conserved",
                        WorkloadSpec.builder().orders(120).seed(9).refusalRate(0).products(10).skew(1.5)
                                .initialStock(6).build(), 8, FaultPlan.NONE,
                        Proof.of(o -> o.outcomes(outOfStock()) > 0 ? Optional.empty()
                                        : Optional.of("no order found the stock sold out"),
                                o -> o.outcomes(outOfStock()) + " orders refused for sold-out stock, "
                                        + o.outcomes("APPROVED") + " approved")),
                new EventSourcedOnly(new CrashScenario("orders-halt-before-event-publish", "saga-choreo, "
                        + "event-sourced orders: halt between the commit of CREATED events in the event store (the "
                        + "orders service's outbox there) and their publication as OrderCreated; the restarted relay "
                        + "must publish them", EnumSet.of(ImplementationId.SAGA_CHOREO),
                        CrashPoint.EVENT_APPENDED_BEFORE_PUBLISH, 6, SAGA_ORDERS, SAGA_CALLERS, SAGA_SEED,
                        OrderCheck.NONE)),
                new EventSourcedOnly(new RunScenario("orders-second-writer", "saga, event-sourced orders: a second "
                        + "writer (as a second instance handling a duplicate delivery) appends every 5th decision "
                        + "of the orders service to its stream first, the same events at the same version; the "
                        + "service's append finds its version taken, its transaction is retried from the replay",
                        SAGAS,
                        "I0-I6; one decision per stream, none lost", spec(200, 17), SAGA_CALLERS,
                        FaultPlan.NONE.withSecondWriter(5),
                        Proof.of(o -> o.versionConflicts() > 0 ? Optional.empty()
                                        : Optional.of("no append found its version taken"),
                                o -> o.versionConflicts() + " appends found their version taken and were retried"))),
                new EventSourcedOnly(new DamagedEventScenario("orders-malformed-event", "event-sourced orders: "
                        + "after a run, one order's CREATED event is given a payload that does not parse; the "
                        + "audit must name its stream and version", ALL, spec(100, 18), 4)),
                new EventSourcedOnly(new CrashScenario("read-model-halt-mid-batch", "event-sourced orders: halt in "
                        + "the middle of a projection batch (views written, events not marked projected, nothing "
                        + "committed); the restarted projector catches up from the flags, with no double count in "
                        + "the per-customer totals", ALL, CrashPoint.READ_MODEL_MID_BATCH, 3, SAGA_ORDERS,
                        SAGA_CALLERS, SAGA_SEED, OrderCheck.NONE)),
                new EventSourcedOnly(new RebuildWhileArrivingScenario("read-model-rebuild-while-arriving",
                        "event-sourced orders: the read models rebuilt from zero again and again while orders "
                        + "arrive; each rebuild catches up under the lock and replaces the views only once every row "
                        + "matches", ALL, spec(600, 19), SAGA_CALLERS)),
                new EventSourcedOnly(new CorruptedSnapshotScenario("account-snapshot-corrupted", "event-sourced "
                        + "orders and accounts (a snapshot every 3 events of an account): with half the orders "
                        + "handed out, every snapshot so far is given a payload that does not parse; the next load "
                        + "of each account must warn and replay its whole stream, never fail", ALL,
                        spec(400, 21).toBuilder().customers(50).build(), SAGA_CALLERS, 3)));
    }

    /**
     * The quick suite, then its crash scenarios again under load (4 callers, a 3 times later hit,
     * 3 times the orders: the halt catches other orders mid-flight too), a real restart of the
     * participants' database server (not in the quick suite: it restarts a server other work may
     * share) and heavier message faults.
     */
    public static List<Scenario> full() {
        List<Scenario> full = new ArrayList<>(quick());
        quick().stream().filter(CrashScenario.class::isInstance).map(CrashScenario.class::cast)
                .map(Catalog::busy).forEach(full::add);
        full.add(new ServerRestartScenario("xa-server-restart-prepared", "2PC: the participants' database server "
                + "is restarted (its service command) after every participant prepared, before the decision; the "
                + "prepared branches survive and the order must commit", XA, XA_HIT, xaWorkload(),
                crashingOrderIs(Optional.of(OrderStatus.APPROVED))));
        full.add(new RunScenario("heavy-duplicate-deliveries", "saga: half of all deliveries delivered twice, "
                + SAGA_CALLERS + " callers, 400 orders", SAGAS, "I0-I6; one effect per message", spec(400, 13),
                SAGA_CALLERS,
                FaultPlan.NONE.withMessageFaults(FaultPlan.MessageFaultRates.of(0.5, 0)),
                Proof.of(o -> o.messages().duplicatesSkipped() > 0 ? Optional.empty()
                                : Optional.of("no duplicate was skipped"),
                        o -> o.messages().duplicatesSkipped() + " duplicates skipped")));
        full.add(new RunScenario("long-broker-outage", "saga: the broker is unavailable for 8 s mid-run",
                SAGAS, "I0-I6; orders only delayed", spec(300, 14), SAGA_CALLERS,
                FaultPlan.NONE.withBrokerOutage(new FaultPlan.BrokerOutage(Duration.ofMillis(500),
                        Duration.ofSeconds(8))),
                waitedOutHalfOf(Duration.ofSeconds(8))));
        return List.copyOf(full);
    }

    /**
     * Orchestration, a late success: each order's first ReserveStock command is held back past the
     * coordinator's 10 s reply timeout and comes after the copy sent again. Half the customers
     * cannot pay, so many reservations are compensated before their first copy arrives; 4 hot
     * products of 4 units make others refused for stock, which cancellations then return, so a
     * late copy would find stock for an order already REJECTED.
     */
    private static RunScenario lateSuccessAfterCompensation() {
        return new RunScenario("orch-late-success-after-compensation", "orchestration: each order's first "
                + "ReserveStock command is held back " + LATE_RESERVATION.toSeconds() + " s, past the coordinator's "
                + "10 s reply timeout; the command sent again overtakes it, the saga moves on (payment declined, "
                + "the reservation compensated; or stock refused) and then the first copy arrives and would succeed",
                EnumSet.of(ImplementationId.SAGA_ORCH),
                "I0-I6; a late reservation has no effect: no stock held for a REJECTED order",
                WorkloadSpec.builder().orders(LATE_ORDERS).seed(17).refusalRate(0).insufficientFundsRate(0.5)
                        .products(4).initialStock(20).skew(1.5).build(), LATE_ORDERS,
                FaultPlan.NONE.withLateDelivery(new FaultPlan.LateDelivery("ReserveStock", LATE_RESERVATION)),
                Proof.of(o -> o.messages().lateActions() > 0 ? Optional.empty()
                                : Optional.of("no action arrived after its compensation or refusal"),
                        o -> o.messages().heldBack() + " first ReserveStock commands held back, "
                                + o.messages().lateActions() + " of them arrived after the saga had moved on and had "
                                + "no effect; " + o.outcomes(refused(RejectionReason.INSUFFICIENT_FUNDS))
                                + " orders refused payment, " + o.outcomes(outOfStock()) + " refused for stock"));
    }

    /**
     * A crash scenario under load: at least 4 callers, the halt 3 times later, 3 times the orders; no
     * single order checked.
     */
    private static CrashScenario busy(CrashScenario scenario) {
        int callers = Math.max(4, scenario.callers());
        return new CrashScenario("busy-" + scenario.id(), scenario.description() + " (" + callers + " callers, "
                + scenario.orders() * 3 + " orders, hit " + scenario.hit() * 3 + ")", scenario.appliesTo(),
                scenario.point(), scenario.hit() * 3, scenario.orders() * 3, callers, scenario.seed(), OrderCheck.NONE);
    }

    /**
     * The callers of a run scenario's run: as the scenario says, but never fewer than
     * {@link #SAGA_CALLERS} for a saga, so that its batches form.
     */
    static int callers(int callers, ImplementationId implementation) {
        return SAGAS.contains(implementation) ? Math.max(callers, SAGA_CALLERS) : callers;
    }

    /** Every scenario of both suites, by id. */
    public static Optional<Scenario> byId(String id) {
        return full().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * Proof of a broker outage: an order waited at least half of it. (Only half: the outage starts
     * with the implementation, so on a loaded machine a slow setup takes a bite out of it.)
     */
    private static Proof waitedOutHalfOf(Duration outage) {
        Duration half = outage.dividedBy(2);
        return Proof.of(o -> o.slowestOutcome().compareTo(half) > 0 ? Optional.empty()
                        : Optional.of("no order waited out half the outage (slowest " + o.slowestOutcome().toMillis()
                        + " ms)"),
                o -> "slowest order " + o.slowestOutcome().toMillis() + " ms of a " + outage.toMillis()
                        + " ms outage");
    }

    private static WorkloadSpec spec(int orders, long seed) {
        return WorkloadSpec.builder().orders(orders).seed(seed).refusalRate(0.05).build();
    }

    private static String outOfStock() {
        return refused(RejectionReason.OUT_OF_STOCK);
    }

    private static String refused(RejectionReason reason) {
        return "REJECTED(" + reason + ")";
    }

    private static Proof refusedAtEveryStep() {
        List<String> labels = Arrays.stream(new RejectionReason[] {RejectionReason.UNKNOWN_CUSTOMER,
                        RejectionReason.CUSTOMER_DISABLED, RejectionReason.OUT_OF_STOCK,
                        RejectionReason.INSUFFICIENT_FUNDS})
                .map(Catalog::refused).toList();
        return Proof.of(o -> {
            List<String> missing = labels.stream().filter(label -> o.outcomes(label) == 0).toList();
            return missing.isEmpty() ? Optional.empty() : Optional.of("no order ended " + String.join(", ", missing));
        }, o -> labels.stream().map(label -> label + " " + o.outcomes(label)).collect(Collectors.joining(", ")));
    }

    /**
     * The XA scenarios' order in doubt: the N-th of the workload meant to be approved (one caller, so
     * it is the N-th to reach prepare and commit).
     */
    private static String xaOrderInDoubt() {
        return Workload.orderId(Workload.of(xaWorkload()).indexOf(OrderKind.REGULAR, XA_HIT));
    }

    private static WorkloadSpec xaWorkload() {
        return WorkloadSpec.builder().orders(XA_ORDERS).seed(XA_SEED).build();
    }

    private static OrderCheck crashingOrderIs(Optional<OrderStatus> expected) {
        String orderId = xaOrderInDoubt();
        return (store, implementation, clock) -> {
            Optional<OrderStatus> status = OrderStatuses.of(store, orderId, clock);
            return status.equals(expected) ? Optional.empty()
                    : Optional.of("order " + orderId + " (in doubt at the halt) is " + status.map(Enum::name)
                    .orElse("absent") + ", expected " + expected.map(Enum::name).orElse("absent (rolled back)"));
        };
    }
}
