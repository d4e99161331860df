package dev.txlab.saga.orch;

import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.model.StepResult;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.messaging.MalformedMessageException;
import dev.txlab.messaging.Message;
import dev.txlab.messaging.placement.Effects;
import dev.txlab.messaging.placement.SagaHandler;
import dev.txlab.messaging.placement.SagaProtocol;
import dev.txlab.messaging.placement.SagaRuntime;
import dev.txlab.messaging.placement.Sender;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code saga-orch}: the saga execution coordinator, at home in the orders service. The
 * acknowledgement commits the PENDING order, its saga log entry and the first command together; each
 * reply is handled in one local transaction with the log update and the next command (through the
 * inbox and outbox); participants handle commands with the shared domain operations and reply. The
 * completion comes when the saga ends, with the order's outcome read in that transaction. A
 * {@link CommandTimeouts} sweeper sends again the command of a saga that waited too long for its reply.
 */
final class OrchProtocol implements SagaProtocol {
    /** The longest path: 5 commands (authorize, reserve, confirm refused, cancel, reject) and their replies. */
    private static final int HOPS = 10;

    private final SagaRuntime runtime;
    private final SagaDefinition saga = CreateOrderSaga.DEFINITION;
    private final SagaEngine engine = new SagaEngine();
    private final SagaLog log = new SagaLog();
    private final Participants participants;
    private CommandTimeouts timeouts;

    OrchProtocol(SagaRuntime runtime) {
        this.runtime = runtime;
        this.participants = new Participants(runtime.services());
    }

    @Override
    public ImplementationId id() {
        return ImplementationId.SAGA_ORCH;
    }

    @Override
    public void subscribe() {
        for (ServiceName participant : participants.participants()) {
            runtime.subscribe(participant, SagaMessages.commandsOf(participant), new Commands(participant));
        }
        runtime.subscribe(ServiceName.ORDERS, SagaMessages.REPLIES, new Replies());
    }

    @Override
    public void started() {
        timeouts = new CommandTimeouts(runtime.context().stores().dataSource(ServiceName.ORDERS), this::resend,
                runtime.clock(), !runtime.context().fresh(), runtime.backgroundFailures()).start();
    }

    /** The saga's log entry and first command, in the acknowledging transaction. */
    @Override
    public void acknowledge(Connection orders, OrderRequest order, Sender sender) throws SQLException {
        SagaEngine.Decision first = engine.start(saga);
        String data = runtime.codec().toJson(order);
        log.insert(orders, order.orderId(), saga, first.position(), data, runtime.clock().millis());
        send(sender, new SagaLog.Instance(order.orderId(), first.position(), 0, data), first);
    }

    @Override
    public boolean settled() throws SQLException {
        try (Connection connection = runtime.context().stores().dataSource(ServiceName.ORDERS).getConnection()) {
            long running = log.running(connection);
            connection.rollback();
            return running == 0;
        }
    }

    @Override
    public int hops() {
        return HOPS;
    }

    @Override
    public Duration extraBound() {
        return CommandTimeouts.TIMEOUT.multipliedBy(HOPS / 2);
    }

    @Override
    public String extraBoundExplained() {
        return ", plus a " + CommandTimeouts.TIMEOUT.toSeconds() + " s reply timeout per command";
    }

    /** A participant's handler: the table's operation, then its reply, in one local transaction. */
    private final class Commands implements SagaHandler<Commands.Received> {
        private final ServiceName participant;

        private record Received(Participants.Handler handler, SagaMessages.CommandPayload command) {
        }

        Commands(ServiceName participant) {
            this.participant = participant;
        }

        @Override
        public Optional<Task<Received>> accept(Message message) {
            Participants.Handler handler = participants.handler(participant, message.type()).orElseThrow(
                    () -> new MalformedMessageException("unknown command '" + message.type() + "' for "
                            + participant.id() + "; it handles " + participants.commandsOf(participant), null));
            SagaMessages.CommandPayload command = runtime.codec().fromJson(message.payload(),
                    SagaMessages.CommandPayload.class);
            return Optional.of(Task.traced(new Received(handler, command), command.order().orderId(), message.type(),
                    command.compensation()).locking(SagaHandler.lockKey(participant, command.order())));
        }

        @Override
        public Effects apply(Connection connection, Received received, Sender sender) throws SQLException {
            SagaMessages.CommandPayload command = received.command();
            StepResult result = received.handler().operation().run(connection, command);
            Reply reply = result.kind() == StepResult.Kind.REFUSED
                    ? Reply.refused(command.step(), result.reason())
                    : Reply.success(command.step(), command.compensation());
            sender.send(SagaMessages.REPLIES, SagaMessages.REPLY_TYPE,
                    new SagaMessages.ReplyPayload(command.order().orderId(), reply));
            return result.kind() == StepResult.Kind.ALREADY_COMPENSATED ? Effects.LATE : Effects.NONE;
        }
    }

    /** The coordinator's handler: advance the saga by the reply, send its next command, end it. */
    private final class Replies implements SagaHandler<SagaMessages.ReplyPayload> {
        @Override
        public Optional<Task<SagaMessages.ReplyPayload>> accept(Message message) {
            if (!SagaMessages.REPLY_TYPE.equals(message.type())) {
                throw new MalformedMessageException("unknown message type '" + message.type() + "' on "
                        + SagaMessages.REPLIES + "; expected " + SagaMessages.REPLY_TYPE, null);
            }
            SagaMessages.ReplyPayload payload = runtime.codec().fromJson(message.payload(),
                    SagaMessages.ReplyPayload.class);
            return Optional.of(Task.untraced(payload, payload.sagaId()));
        }

        /** Advances the reply's saga in the orders transaction: its log entry, its next command, its end. */
        @Override
        public Effects apply(Connection connection, SagaMessages.ReplyPayload payload, Sender sender)
                throws SQLException {
            Optional<SagaLog.Instance> instance = log.find(connection, payload.sagaId());
            if (instance.isEmpty()) {
                return Effects.NONE;
            }
            Optional<SagaEngine.Decision> decision = engine.onReply(saga, instance.get().position(), payload.reply());
            if (decision.isEmpty()) {
                return Effects.NONE;
            }
            SagaPosition next = decision.get().position();
            log.update(connection, instance.get(), next, runtime.clock().millis());
            send(sender, instance.get(), decision.get());
            if (!next.isTerminal()) {
                return next.compensating() ? Effects.COMPENSATING : Effects.NONE;
            }
            return Effects.ended(runtime.services().orders().outcome(connection, payload.sagaId()).orElseThrow(
                    () -> new IllegalStateException("saga " + payload.sagaId() + " ended with its order PENDING")));
        }
    }

    /** Sends the decision's command, if any, through the orders outbox. */
    private void send(Sender sender, SagaLog.Instance instance, SagaEngine.Decision decision) throws SQLException {
        if (decision.command().isEmpty()) {
            return;
        }
        Command command = decision.command().get();
        SagaPosition position = decision.position();
        OrderRequest order = runtime.codec().fromJson(instance.data(), OrderRequest.class);
        sender.send(SagaMessages.commandsOf(command.participant()), command.type(),
                new SagaMessages.CommandPayload(order, position.step(), position.compensating(), position.reason()));
    }

    /** Sends a waiting saga's outstanding command again and touches its log entry (the sweeper's work). */
    private void resend(Connection connection, SagaLog.Instance instance) throws SQLException {
        log.update(connection, instance, instance.position(), runtime.clock().millis());
        send(runtime.sender(ServiceName.ORDERS, connection, instance.sagaId()), instance,
                engine.resend(saga, instance.position()));
    }

    @Override
    public void close() {
        if (timeouts != null) {
            timeouts.close();
        }
    }
}
