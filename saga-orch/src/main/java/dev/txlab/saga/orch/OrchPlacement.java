package dev.txlab.saga.orch;

import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.model.Outcome;
import dev.txlab.domain.model.StepResult;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.fault.CrashPoint;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.spi.PlacementContext;
import dev.txlab.messaging.MalformedMessageException;
import dev.txlab.messaging.Message;
import dev.txlab.messaging.ServiceEndpoint;
import dev.txlab.messaging.inbox.InboxHandler;
import dev.txlab.messaging.inbox.InboxStep;
import dev.txlab.messaging.placement.MessagingPlacement;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code saga-orch}: the saga execution coordinator, at home in the orders service. The
 * acknowledgement commits the PENDING order, its saga log entry and the first command together; each
 * reply is handled in one local transaction with the log update and the next command (through the
 * inbox and outbox); participants handle commands with the shared domain operations and reply. The
 * completion comes when the saga ends, with the order's outcome read in that transaction. A
 * {@link CommandTimeouts} sweeper sends again the command of a saga that waited too long for its reply.
 */
final class OrchPlacement extends MessagingPlacement {
    /** The longest path: 5 commands (authorize, reserve, confirm refused, cancel, reject) and their replies. */
    private static final int HOPS = 10;

    private final SagaDefinition saga = CreateOrderSaga.DEFINITION;
    private final SagaEngine engine = new SagaEngine();
    private final SagaLog log = new SagaLog();
    private final Participants participants;
    private CommandTimeouts timeouts;

    OrchPlacement(PlacementContext context) {
        super(context);
        this.participants = new Participants(services);
    }

    @Override
    public ImplementationId id() {
        return ImplementationId.SAGA_ORCH;
    }

    @Override
    public void start() {
        super.start();
        timeouts = new CommandTimeouts(context.stores().dataSource(ServiceName.ORDERS), this::resend, clock,
                !context.fresh(), backgroundFailures()).start();
    }

    @Override
    protected void subscribe() {
        for (ServiceName participant : participants.participants()) {
            endpoint(participant).subscribe(SagaMessages.commandsOf(participant), CONSUMERS, commandsOf(participant));
        }
        endpoint(ServiceName.ORDERS).subscribe(SagaMessages.REPLIES, CONSUMERS, replies());
    }

    /** The saga's log entry and first command, in the acknowledging transaction. */
    @Override
    protected void acknowledge(Connection orders, OrderRequest order, Instant submittedAt) throws SQLException {
        SagaEngine.Decision first = engine.start(saga);
        String data = codec.toJson(order);
        log.insert(orders, order.orderId(), saga, first.position(), data, clock.millis());
        send(orders, new SagaLog.Instance(order.orderId(), first.position(), 0, data), first, null);
    }

    @Override
    protected boolean settled() throws SQLException {
        try (Connection connection = context.stores().dataSource(ServiceName.ORDERS).getConnection()) {
            long running = log.running(connection);
            connection.rollback();
            return running == 0;
        }
    }

    @Override
    protected int hops() {
        return HOPS;
    }

    @Override
    public Duration terminationBound() {
        return super.terminationBound().plus(CommandTimeouts.TIMEOUT.multipliedBy(HOPS / 2));
    }

    @Override
    public String terminationBoundExplained() {
        return super.terminationBoundExplained() + ", plus a " + CommandTimeouts.TIMEOUT.toSeconds()
                + " s reply timeout per command";
    }

    /** A participant's handler: the table's operation, then its reply, in one local transaction. */
    private InboxHandler commandsOf(ServiceName participant) {
        ServiceEndpoint endpoint = endpoint(participant);
        return message -> {
            Participants.Handler handler = participants.handler(participant, message.type()).orElseThrow(
                    () -> new MalformedMessageException("unknown command '" + message.type() + "' for "
                            + participant.id() + "; it handles " + participants.commandsOf(participant), null));
            SagaMessages.CommandPayload command = codec.fromJson(message.payload(), SagaMessages.CommandPayload.class);
            if (command.compensation()) {
                compensating(message);
            }
            Instant start = clock.instant();
            return Optional.of(new InboxStep<StepResult>() {
                @Override
                public StepResult apply(Connection connection) throws SQLException {
                    StepResult result = handler.operation().run(connection, command);
                    Reply reply = result.kind() == StepResult.Kind.REFUSED
                            ? Reply.refused(command.step(), result.reason())
                            : Reply.success(command.step(), command.compensation());
                    endpoint.send(connection, SagaMessages.REPLIES, Message.create(SagaMessages.REPLY_TYPE,
                            message.correlationId(), message.messageId(), clock.instant(),
                            codec.toJson(new SagaMessages.ReplyPayload(message.correlationId(), reply))));
                    return result;
                }

                @Override
                public void committed(StepResult result) {
                    trace(command.order().orderId(), participant, message.type(), start, clock.instant());
                    if (result.kind() == StepResult.Kind.ALREADY_COMPENSATED) {
                        lateAction();
                    }
                }
            });
        };
    }

    /** What a reply's transaction decided: the outcome when the saga ended, and whether it is compensating. */
    private record Advanced(Optional<Outcome> ended, boolean compensating) {
        static final Advanced NOTHING = new Advanced(Optional.empty(), false);
    }

    /** The coordinator's handler: advance the saga by the reply, send its next command, end it. */
    private InboxHandler replies() {
        return message -> {
            if (!SagaMessages.REPLY_TYPE.equals(message.type())) {
                throw new MalformedMessageException("unknown message type '" + message.type() + "' on "
                        + SagaMessages.REPLIES + "; expected " + SagaMessages.REPLY_TYPE, null);
            }
            SagaMessages.ReplyPayload payload = codec.fromJson(message.payload(), SagaMessages.ReplyPayload.class);
            return Optional.of(new InboxStep<Advanced>() {
                @Override
                public Advanced apply(Connection connection) throws SQLException {
                    return advance(connection, payload, message.messageId());
                }

                @Override
                public void committed(Advanced advanced) {
                    advanced.ended().ifPresent(outcome -> complete(payload.sagaId(), outcome));
                    if (advanced.compensating()) {
                        context.crashPoints().hit(CrashPoint.SAGA_MID_COMPENSATION);
                    }
                }
            });
        };
    }

    /** Advances the reply's saga in the orders transaction: its log entry, its next command, its end. */
    private Advanced advance(Connection connection, SagaMessages.ReplyPayload payload, String causationId)
            throws SQLException {
        Optional<SagaLog.Instance> instance = log.find(connection, payload.sagaId());
        if (instance.isEmpty()) {
            return Advanced.NOTHING;
        }
        Optional<SagaEngine.Decision> decision = engine.onReply(saga, instance.get().position(), payload.reply());
        if (decision.isEmpty()) {
            return Advanced.NOTHING;
        }
        SagaPosition next = decision.get().position();
        log.update(connection, instance.get(), next, clock.millis());
        send(connection, instance.get(), decision.get(), causationId);
        if (!next.isTerminal()) {
            return new Advanced(Optional.empty(), next.compensating());
        }
        return new Advanced(Optional.of(services.orders().outcome(connection, payload.sagaId()).orElseThrow(
                () -> new IllegalStateException("saga " + payload.sagaId() + " ended with its order PENDING"))), false);
    }

    /** Sends the decision's command, if any, through the orders outbox. */
    private void send(Connection connection, SagaLog.Instance instance, SagaEngine.Decision decision,
                      String causationId) throws SQLException {
        if (decision.command().isEmpty()) {
            return;
        }
        Command command = decision.command().get();
        SagaPosition position = decision.position();
        OrderRequest order = codec.fromJson(instance.data(), OrderRequest.class);
        endpoint(ServiceName.ORDERS).send(connection, SagaMessages.commandsOf(command.participant()),
                Message.create(command.type(), instance.sagaId(), causationId, clock.instant(),
                        codec.toJson(new SagaMessages.CommandPayload(order, position.step(), position.compensating(),
                                position.reason()))));
    }

    /** Sends a waiting saga's outstanding command again and touches its log entry (the sweeper's work). */
    private void resend(Connection connection, SagaLog.Instance instance) throws SQLException {
        log.update(connection, instance, instance.position(), clock.millis());
        send(connection, instance, engine.resend(saga, instance.position()), null);
    }

    @Override
    public void close() {
        if (timeouts != null) {
            timeouts.close();
        }
        super.close();
    }
}
