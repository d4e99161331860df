package dev.txlab.harness.fault;

import dev.txlab.domain.service.ServiceName;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What goes wrong in a run, and where. Business refusals come from the workload's rates; this plan
 * names the crash (a point and on which hit of it the process halts) and the message faults the
 * sagas' transport suffers (seeded rates of duplicated deliveries, of deliveries dropped before
 * their ack, and of deliveries held back for up to a window, which reorders them) and a broker
 * outage, poison messages (published to every destination the sagas consume: an unknown type with
 * a body that does not decode), compensations whose first attempts fail (a transient error: the
 * sagas' transport redelivers them; fewer than its 5 attempts, or the compensation is
 * dead-lettered), each saga's first message of one type held back (it arrives late), a
 * participant database unavailable for a while, for 2PC a participant's phase-2 commit that fails
 * once or a participant's server restarted at a protocol point, and for event-sourced orders a second
 * writer that appends every N-th decision first ({@link AppendFaults}).
 */
public record FaultPlan(Optional<CrashPoint> crashPoint, int crashOnHit, MessageFaultRates messages,
                        BrokerOutage brokerOutage, Optional<CommitFailure> commitFailure, int poisonMessages,
                        int failingCompensationAttempts, Optional<LateDelivery> lateDelivery,
                        Optional<DatabaseOutage> databaseOutage, Optional<ServerRestart> serverRestart,
                        Optional<DiskFull> diskFull, int secondWriterEvery) {
    public static final FaultPlan NONE = new FaultPlan(Optional.empty(), 1, MessageFaultRates.NONE,
            BrokerOutage.NONE, Optional.empty(), 0, 0, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), 0);

    /**
     * The data directory's file system reported full once the run has acknowledged
     * {@code afterAcknowledged} orders (at the run's disk probe, as a small file system would report it),
     * without filling a real disk.
     */
    public record DiskFull(int afterAcknowledged) {
        public DiskFull {
            if (afterAcknowledged < 0) {
                throw new IllegalArgumentException("a disk full needs a count of orders >= 0, was " + afterAcknowledged);
            }
        }
    }

    /**
     * Sagas: the first delivery of each saga's first message of {@code messageType} is held back for
     * {@code holdBack} (without blocking a consumer), so a message sent again meanwhile, e.g. the
     * command the coordinator sends again after its reply timeout, overtakes it and the first
     * arrives late.
     */
    public record LateDelivery(String messageType, Duration holdBack) {
        public LateDelivery {
            Objects.requireNonNull(messageType, "messageType");
            if (messageType.isBlank() || holdBack.isNegative() || holdBack.isZero()) {
                throw new IllegalArgumentException("a late delivery needs a message type and a positive hold-back, "
                        + "were '" + messageType + "' and " + holdBack);
            }
        }
    }

    /**
     * At the {@code onHit}-th hit of a protocol point, instead of halting, the run restarts a database
     * server with {@code command} (e.g. {@code pg_ctlcluster 15 main restart}) and waits for it, then
     * carries on: every open connection to that server is gone, prepared branches survive.
     */
    public record ServerRestart(CrashPoint point, int onHit, List<String> command) {
        public ServerRestart {
            Objects.requireNonNull(point, "point");
            command = List.copyOf(command);
            if (onHit < 1 || command.isEmpty()) {
                throw new IllegalArgumentException("a server restart needs a hit >= 1 and a command, were " + onHit
                        + " and " + command);
            }
        }
    }

    /**
     * The database of a service unavailable for {@code length}, from {@code after} the start of the
     * orders: every round trip to it fails as a lost connection would (SQLState 08006; an XA call
     * with {@code XAER_RMFAIL}, its connection closed). Services sharing that database share the outage.
     */
    public record DatabaseOutage(ServiceName service, Duration after, Duration length) {
        public DatabaseOutage {
            Objects.requireNonNull(service, "service");
            if (after.isNegative() || length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException("a database outage needs a start >= 0 and a positive length, were "
                        + after + " and " + length);
            }
        }
    }

    /**
     * 2PC: the {@code onCommit}-th phase-2 commit sent to the service's database fails with
     * {@code XAER_RMFAIL} (the resource manager unreachable: a retryable error) instead of reaching it,
     * so the branch stays prepared and the transaction manager must commit it later.
     */
    public record CommitFailure(ServiceName service, int onCommit) {
        public CommitFailure {
            Objects.requireNonNull(service, "service");
            if (onCommit < 1) {
                throw new IllegalArgumentException("the failing commit must be at least the 1st, was " + onCommit);
            }
        }
    }

    /**
     * The broker unavailable for {@code length}, from {@code after} the start of the implementation:
     * publishes fail (the outboxes keep what could not be sent) and nothing is delivered.
     */
    public record BrokerOutage(Duration after, Duration length) {
        public static final BrokerOutage NONE = new BrokerOutage(Duration.ZERO, Duration.ZERO);

        public BrokerOutage {
            if (after.isNegative() || length.isNegative()) {
                throw new IllegalArgumentException("a broker outage needs a start and length >= 0, were " + after
                        + " and " + length);
            }
        }

        public boolean any() {
            return !length.isZero();
        }
    }

    /**
     * Rates, per delivery, of a duplicate, of a drop before the ack (it comes again), and of a delay
     * (the delivery comes again after up to {@code maxDelay}, so later messages overtake it).
     */
    public record MessageFaultRates(double duplicateRate, double dropRate, double delayRate, Duration maxDelay) {
        public static final MessageFaultRates NONE = new MessageFaultRates(0, 0, 0, Duration.ZERO);

        public MessageFaultRates {
            Objects.requireNonNull(maxDelay, "maxDelay");
            if (duplicateRate < 0 || dropRate < 0 || delayRate < 0 || duplicateRate + dropRate + delayRate > 1) {
                throw new IllegalArgumentException("duplicate, drop and delay rates must be >= 0 and add up to at "
                        + "most 1, were " + duplicateRate + ", " + dropRate + " and " + delayRate);
            }
            if (delayRate > 0 && (maxDelay.isZero() || maxDelay.isNegative())) {
                throw new IllegalArgumentException("a delay rate needs a positive maximum delay, was " + maxDelay);
            }
        }

        /** Duplicates and drops only. */
        public static MessageFaultRates of(double duplicateRate, double dropRate) {
            return new MessageFaultRates(duplicateRate, dropRate, 0, Duration.ZERO);
        }

        public boolean any() {
            return duplicateRate > 0 || dropRate > 0 || delayRate > 0;
        }
    }

    public FaultPlan {
        if (crashOnHit < 1) {
            throw new IllegalArgumentException("the crash hit must be at least 1, was " + crashOnHit);
        }
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(brokerOutage, "brokerOutage");
        Objects.requireNonNull(commitFailure, "commitFailure");
        Objects.requireNonNull(lateDelivery, "lateDelivery");
        Objects.requireNonNull(databaseOutage, "databaseOutage");
        Objects.requireNonNull(serverRestart, "serverRestart");
        if (poisonMessages < 0 || failingCompensationAttempts < 0) {
            throw new IllegalArgumentException("poison messages and failing compensation attempts must be >= 0, were "
                    + poisonMessages + " and " + failingCompensationAttempts);
        }
    }

    public static FaultPlan crashAt(CrashPoint point, int onHit) {
        Builder plan = NONE.toBuilder();
        plan.crashPoint = Optional.of(point);
        plan.crashOnHit = onHit;
        return plan.build();
    }

    /** This plan with the given message faults. */
    public FaultPlan withMessageFaults(MessageFaultRates rates) {
        Builder plan = toBuilder();
        plan.messages = rates;
        return plan.build();
    }

    /** This plan with the broker unavailable for a while. */
    public FaultPlan withBrokerOutage(BrokerOutage outage) {
        Builder plan = toBuilder();
        plan.brokerOutage = outage;
        return plan.build();
    }

    /** This plan with one participant's phase-2 commit failing once. */
    public FaultPlan withCommitFailure(CommitFailure failure) {
        Builder plan = toBuilder();
        plan.commitFailure = Optional.of(failure);
        return plan.build();
    }

    /** This plan with {@code perDestination} poison messages published to each destination the sagas consume. */
    public FaultPlan withPoisonMessages(int perDestination) {
        Builder plan = toBuilder();
        plan.poisonMessages = perDestination;
        return plan.build();
    }

    /** This plan with the first {@code attempts} attempts of every compensating step failing. */
    public FaultPlan withFailingCompensations(int attempts) {
        Builder plan = toBuilder();
        plan.failingCompensationAttempts = attempts;
        return plan.build();
    }

    /** This plan with the first delivery of every message of one type arriving late. */
    public FaultPlan withLateDelivery(LateDelivery late) {
        Builder plan = toBuilder();
        plan.lateDelivery = Optional.of(late);
        return plan.build();
    }

    /** This plan with a participant database unavailable for a while. */
    public FaultPlan withDatabaseOutage(DatabaseOutage outage) {
        Builder plan = toBuilder();
        plan.databaseOutage = Optional.of(outage);
        return plan.build();
    }

    /** This plan with the data directory's disk reported full after some orders. */
    public FaultPlan withDiskFull(DiskFull full) {
        Builder plan = toBuilder();
        plan.diskFull = Optional.of(full);
        return plan.build();
    }

    /**
     * This plan with a second writer that appends every {@code every}-th decision of the orders
     * service to its stream first (0: none), so the service's own append finds its version taken.
     */
    public FaultPlan withSecondWriter(int every) {
        if (every < 0) {
            throw new IllegalArgumentException("a second writer needs every >= 0 (0: none), was " + every);
        }
        Builder plan = toBuilder();
        plan.secondWriterEvery = every;
        return plan.build();
    }

    /** This plan with a database server restarted at a protocol point. */
    public FaultPlan withServerRestart(ServerRestart restart) {
        Builder plan = toBuilder();
        plan.serverRestart = Optional.of(restart);
        return plan.build();
    }

    /**
     * Whether this plan makes submits fail on purpose (a participant database unavailable, a server
     * restarted under the callers): such a run's failed submits are the fault, not a broken run.
     */
    public boolean injectsSubmitFailures() {
        return databaseOutage.isPresent() || serverRestart.isPresent();
    }

    private Builder toBuilder() {
        return new Builder(this);
    }

    /** A copy of a plan to change one component of (the withers' one way to make a plan). */
    private static final class Builder {
        private Optional<CrashPoint> crashPoint;
        private int crashOnHit;
        private MessageFaultRates messages;
        private BrokerOutage brokerOutage;
        private Optional<CommitFailure> commitFailure;
        private int poisonMessages;
        private int failingCompensationAttempts;
        private Optional<LateDelivery> lateDelivery;
        private Optional<DatabaseOutage> databaseOutage;
        private Optional<ServerRestart> serverRestart;
        private Optional<DiskFull> diskFull;
        private int secondWriterEvery;

        private Builder(FaultPlan plan) {
            crashPoint = plan.crashPoint;
            crashOnHit = plan.crashOnHit;
            messages = plan.messages;
            brokerOutage = plan.brokerOutage;
            commitFailure = plan.commitFailure;
            poisonMessages = plan.poisonMessages;
            failingCompensationAttempts = plan.failingCompensationAttempts;
            lateDelivery = plan.lateDelivery;
            databaseOutage = plan.databaseOutage;
            serverRestart = plan.serverRestart;
            diskFull = plan.diskFull;
            secondWriterEvery = plan.secondWriterEvery;
        }

        private FaultPlan build() {
            return new FaultPlan(crashPoint, crashOnHit, messages, brokerOutage, commitFailure, poisonMessages,
                    failingCompensationAttempts, lateDelivery, databaseOutage, serverRestart, diskFull,
                    secondWriterEvery);
        }
    }

    /** Parses {@code POINT} or {@code POINT@N} (halt on the N-th hit of the point). */
    public static FaultPlan parseCrash(String text) {
        String[] parts = text.split("@", 2);
        int hit = 1;
        if (parts.length == 2) {
            try {
                hit = Integer.parseInt(parts[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid crash '" + text + "'; expected POINT or POINT@N with N >= 1", e);
            }
        }
        return crashAt(CrashPoint.parse(parts[0]), hit);
    }
}
