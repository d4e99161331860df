package dev.txlab.messaging.placement;

import dev.txlab.domain.model.OrderRequest;
import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.network.SimulatedDelay;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.OrderPlacement;
import dev.txlab.harness.placement.Submission;
import dev.txlab.harness.placement.spi.PlacementContext;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * A saga as an {@link OrderPlacement}: a {@link SagaRuntime} and the {@link SagaProtocol} made with
 * it (choreography or orchestration), composed, neither extending the other.
 */
public final class SagaPlacement implements OrderPlacement {
    private final SagaRuntime runtime;
    private final SagaProtocol protocol;

    /**
     * A saga whose protocol is made on the runtime; {@code publication} says which orders events it
     * publishes from the event store when orders are event-sourced.
     */
    public SagaPlacement(PlacementContext context, OrderEventPublication publication,
                         Function<SagaRuntime, SagaProtocol> protocolOnRuntime) {
        this.runtime = new SagaRuntime(context, publication);
        this.protocol = protocolOnRuntime.apply(runtime);
    }

    @Override
    public ImplementationId id() {
        return protocol.id();
    }

    /**
     * Opens the broker and every service's endpoint, subscribes the protocol's handlers, then starts
     * the outbox relays and the protocol's own background work.
     */
    @Override
    public void start() {
        runtime.open();
        protocol.subscribe();
        runtime.startRelays();
        protocol.started();
    }

    @Override
    public Submission submit(OrderRequest order) {
        return runtime.submit(order, protocol);
    }

    @Override
    public Duration terminationBound() {
        return runtime.terminationBound(protocol.hops()).plus(protocol.extraBound());
    }

    @Override
    public String terminationBoundExplained() {
        return runtime.terminationBoundExplained(protocol.hops()) + protocol.extraBoundExplained();
    }

    @Override
    public Optional<String> transportDescription() {
        return Optional.of(runtime.transportDescription());
    }

    @Override
    public Optional<MessageCounts> messageCounts() {
        return Optional.of(runtime.messageCounts());
    }

    @Override
    public Optional<SimulatedDelay.Achieved> messageHopDelay() {
        return runtime.messageHopDelay();
    }

    @Override
    public void awaitQuiescence(Duration max) {
        runtime.awaitQuiescence(max, protocol);
    }

    @Override
    public void close() {
        protocol.close();
        runtime.close();
    }
}
