package dev.txlab.messaging.outbox;

import dev.txlab.domain.model.OrderEvent;
import dev.txlab.domain.service.OrderEventStore;
import dev.txlab.harness.fault.CrashPoint;
import dev.txlab.messaging.BackgroundFailures;
import dev.txlab.messaging.spi.Transport;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The orders event store as a relay's source (event-sourced orders under saga-choreo): the events
 * appended to be published, oldest first, each turned into its message by the protocol's
 * {@code message} function and marked by stream and version ({@link OrderEventStore}'s published
 * flag). An event that cannot be read or turned into a message stays unpublished (an I3 leftover the
 * audit names, beside the stream it cannot replay), is reported once as a background failure, and
 * holds up no other event.
 */
public final class OrderEventOutbox implements RelaySource<OrderEvent> {
    private final Function<OrderEvent, Transport.Outgoing> message;
    private final BackgroundFailures failures;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public OrderEventOutbox(Function<OrderEvent, Transport.Outgoing> message, BackgroundFailures failures) {
        this.message = message;
        this.failures = failures;
    }

    @Override
    public List<Pending<OrderEvent>> unpublished(Connection connection, int limit) throws SQLException {
        List<String> unreadable = new ArrayList<>();
        List<Pending<OrderEvent>> pending = new ArrayList<>();
        for (OrderEvent event : OrderEventStore.unpublished(connection, limit, unreadable)) {
            try {
                pending.add(new Pending<>(event, message.apply(event)));
            } catch (OrderEvent.MalformedEvent e) {
                unreadable.add(e.getMessage());
            }
        }
        unreadable.stream().filter(reported::add).forEach(why -> failures.failed("order event relay",
                new IllegalStateException("cannot publish " + why + "; it stays unpublished")));
        return pending;
    }

    @Override
    public void markPublished(Connection connection, List<OrderEvent> events) throws SQLException {
        OrderEventStore.markPublished(connection, events);
    }

    @Override
    public long countUnpublished(Connection connection) throws SQLException {
        return OrderEventStore.countUnpublished(connection);
    }

    @Override
    public CrashPoint beforePublish() {
        return CrashPoint.EVENT_APPENDED_BEFORE_PUBLISH;
    }
}
