package dev.txlab.domain.service;

import dev.txlab.domain.model.OrderEvent;
import dev.txlab.domain.model.OrderLine;
import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.model.OrderState;
import dev.txlab.domain.model.OrderStatus;
import dev.txlab.domain.model.OrdersModel;
import dev.txlab.domain.model.Outcome;
import dev.txlab.domain.model.RejectionReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event-sourced orders model: an order is its stream of events, its state their replay; a
 * version appended twice is a conflict the caller retries; a stream that cannot be replayed says
 * which stream and version.
 */
class EventSourcedOrdersTest {
    private static final List<OrderLine> TWO_LINES = List.of(new OrderLine("sku2", 3, 200), new OrderLine("sku1", 2, 100));

    private final ServiceDatabases databases = new ServiceDatabases();
    private final OrdersService orders = OrdersService.of(OrdersModel.EVENT_SOURCED, Clock.systemUTC());

    @AfterEach
    void dropDatabases() throws SQLException {
        databases.drop();
    }

    @Test
    void anOrderIsItsStreamAndItsStateTheReplay() throws SQLException {
        OrderRequest order = new OrderRequest("o1", "alice", TWO_LINES);
        try (Connection c = databases.connect(ServiceName.ORDERS)) {
            orders.createPending(c, order);
            orders.createPending(c, order);
            assertThat(orders.status(c, "o1")).contains(OrderStatus.PENDING);
            assertThat(orders.approve(c, "o1")).isTrue();
            assertThat(orders.approve(c, "o1")).isFalse();
            assertThat(orders.reject(c, "o1", RejectionReason.OUT_OF_STOCK)).isFalse();
            orders.recordRejected(c, new OrderRequest("o2", "bob", TWO_LINES), RejectionReason.UNKNOWN_CUSTOMER);

            List<OrderEvent> stream = OrderEventStore.read(c, "o1");
            assertThat(stream).extracting(OrderEvent::version, OrderEvent::type).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(1, OrderEvent.Type.CREATED),
                    org.assertj.core.groups.Tuple.tuple(2, OrderEvent.Type.APPROVED));
            OrderState state = OrderState.replay(stream).orElseThrow();
            assertThat(state.order()).isEqualTo(order);
            assertThat(state.order().totalCents()).isEqualTo(800);
            assertThat(orders.outcome(c, "o1")).contains(Outcome.APPROVED);
            assertThat(orders.outcome(c, "o2")).contains(Outcome.rejected(RejectionReason.UNKNOWN_CUSTOMER));
            assertThat(orders.status(c, "nobody")).isEmpty();
            assertThat(OrderBook.read(c).orders()).containsOnlyKeys("o1", "o2");
            assertThat(OrderBook.pending(c)).isZero();
        }
    }

    @Test
    void aVersionAppendedTwiceIsAConflictToRetry() throws SQLException {
        try (Connection first = databases.connect(ServiceName.ORDERS)) {
            orders.createPending(first, new OrderRequest("o1", "alice", TWO_LINES));
            assertThat(OrderBook.pending(first)).isEqualTo(1);
            orders.approve(first, "o1");
            // a second writer that replayed version 1 before the approval was appended
            assertThatThrownBy(() -> OrderEventStore.append(first, List.of(OrderEvent.rejected("o1", 2,
                    RejectionReason.OUT_OF_STOCK, 0))))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
                            .isEqualTo(OrderEventStore.VERSION_CONFLICT_STATE))
                    .hasMessageContaining("version conflict on order o1 at version 2");
            assertThat(orders.outcome(first, "o1")).contains(Outcome.APPROVED);
        }
    }

    @Test
    void aStreamThatCannotBeReplayedIsNamedByStreamAndVersion() throws SQLException {
        try (Connection c = databases.connect(ServiceName.ORDERS)) {
            orders.createPending(c, new OrderRequest("good", "alice", TWO_LINES));
            OrderEventStore.append(c, List.of(new OrderEvent("garbled", 1, OrderEvent.Type.CREATED,
                    "customer=alice;lines=sku1*two*100", 0)));
            OrderEventStore.append(c, List.of(OrderEvent.created(new OrderRequest("gap", "alice", TWO_LINES), 1, 0),
                    OrderEvent.approved("gap", 3, 0)));
            OrderEventStore.append(c, List.of(OrderEvent.approved("headless", 1, 0)));
            c.createStatement().executeUpdate("INSERT INTO order_events (stream_id, version, event_type, payload, "
                    + "committed_at_ms) VALUES ('alien', 1, 'SHIPPED', '', 0)");

            OrderBook book = OrderBook.read(c);

            assertThat(book.orders()).containsOnlyKeys("good");
            assertThat(book.unreadable()).hasSize(4).anyMatch(why -> why.startsWith("order garbled, event version 1: "
                    + "CREATED payload 'customer=alice;lines=sku1*two*100'"))
                    .anyMatch(why -> why.startsWith("order gap, event version 3: a gap: version 2 is missing"))
                    .anyMatch(why -> why.startsWith("order headless, event version 1: the stream starts with APPROVED"))
                    .anyMatch(why -> why.startsWith("order alien, event version 1: unknown event type 'SHIPPED'"));
        }
    }

    @Test
    void theEventsItPublishesWaitInTheStoreUntilMarkedAndTheOthersAreOnlyStored() throws SQLException {
        OrdersService publishing = OrdersService.of(OrdersModel.EVENT_SOURCED, Clock.systemUTC(),
                Set.of(OrderEvent.Type.CREATED), AppendListener.NONE);
        try (Connection c = databases.connect(ServiceName.ORDERS)) {
            publishing.createPending(c, new OrderRequest("o1", "alice", TWO_LINES));
            publishing.approve(c, "o1");
            publishing.recordRejected(c, new OrderRequest("o2", "bob", TWO_LINES), RejectionReason.OUT_OF_STOCK);

            List<String> unreadable = new ArrayList<>();
            List<OrderEvent> waiting = OrderEventStore.unpublished(c, 100, unreadable);
            assertThat(waiting).extracting(OrderEvent::orderId, OrderEvent::type).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("o1", OrderEvent.Type.CREATED),
                    org.assertj.core.groups.Tuple.tuple("o2", OrderEvent.Type.CREATED));
            assertThat(OrderEventStore.countUnpublished(c)).isEqualTo(2);
            assertThat(publishing.publishes(OrderEvent.Type.CREATED)).isTrue();
            assertThat(publishing.publishes(OrderEvent.Type.APPROVED)).isFalse();
            assertThat(orders.publishes(OrderEvent.Type.CREATED)).as("a service told to publish nothing").isFalse();

            OrderEventStore.markPublished(c, waiting);

            assertThat(OrderEventStore.countUnpublished(c)).isZero();
            assertThat(unreadable).isEmpty();
        }
    }

    /**
     * The relay's ordering problem: a transaction that appended first may commit after a later one
     * was published. With a flag per event its event is still found; nothing points past it.
     */
    @Test
    void anEventCommittedAfterALaterOneWasPublishedIsStillFound() throws SQLException {
        OrdersService publishing = OrdersService.of(OrdersModel.EVENT_SOURCED, Clock.systemUTC(),
                Set.of(OrderEvent.Type.CREATED), AppendListener.NONE);
        try (Connection slow = databases.connect(ServiceName.ORDERS);
             Connection fast = databases.connect(ServiceName.ORDERS);
             Connection relay = databases.connect(ServiceName.ORDERS)) {
            slow.setAutoCommit(false);
            fast.setAutoCommit(false);
            relay.setAutoCommit(false);
            publishing.createPending(slow, new OrderRequest("o1", "alice", TWO_LINES));
            publishing.createPending(fast, new OrderRequest("o2", "bob", TWO_LINES));
            fast.commit();

            List<OrderEvent> first = OrderEventStore.unpublished(relay, 100, new ArrayList<>());
            OrderEventStore.markPublished(relay, first);
            relay.commit();
            slow.commit();
            List<OrderEvent> second = OrderEventStore.unpublished(relay, 100, new ArrayList<>());

            assertThat(first).extracting(OrderEvent::orderId).containsExactly("o2");
            assertThat(second).extracting(OrderEvent::orderId).containsExactly("o1");
        }
    }

    /** A second writer appends the same decision first: the service's append is a conflict its listener hears of. */
    @Test
    void anAppendRacedByASecondWriterIsAConflictTheListenerHearsOf() throws SQLException {
        List<OrderEvent> taken = new ArrayList<>();
        AppendListener secondWriter = new AppendListener() {
            @Override
            public void beforeAppend(List<OrderEvent> events) throws SQLException {
                if (events.get(0).version() > 1) {
                    try (Connection second = databases.connect(ServiceName.ORDERS)) {
                        OrderEventStore.append(second, events);
                    }
                }
            }

            @Override
            public void versionTaken(List<OrderEvent> events) {
                taken.addAll(events);
            }
        };
        OrdersService raced = OrdersService.of(OrdersModel.EVENT_SOURCED, Clock.systemUTC(), Set.of(), secondWriter);
        try (Connection c = databases.connect(ServiceName.ORDERS)) {
            raced.createPending(c, new OrderRequest("o1", "alice", TWO_LINES));

            assertThatThrownBy(() -> raced.approve(c, "o1")).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo(OrderEventStore.VERSION_CONFLICT_STATE));
            assertThat(taken).extracting(OrderEvent::version, OrderEvent::type)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(2, OrderEvent.Type.APPROVED));
            assertThat(raced.approve(c, "o1")).as("the retry replays, finds it decided, appends nothing").isFalse();
            assertThat(OrderEventStore.read(c, "o1")).hasSize(2);
        }
    }

    @Test
    void replayRefusesARepeatedVersionAndADecisionAfterADecision() {
        OrderEvent created = OrderEvent.created(new OrderRequest("o1", "alice", TWO_LINES), 1, 0);
        List<OrderEvent> repeated = new ArrayList<>(List.of(created, created));
        List<OrderEvent> twice = List.of(created, OrderEvent.approved("o1", 2, 0),
                OrderEvent.rejected("o1", 3, RejectionReason.OUT_OF_STOCK, 0));

        assertThatThrownBy(() -> OrderState.replay(repeated)).hasMessage("order o1, event version 1: a repeated "
                + "version in the stream");
        assertThatThrownBy(() -> OrderState.replay(twice)).hasMessage("order o1, event version 3: REJECTED after the "
                + "order was APPROVED");
        assertThat(OrdersModel.parse("event-sourced")).isEqualTo(OrdersModel.EVENT_SOURCED);
        assertThatThrownBy(() -> OrdersModel.parse("ledger")).hasMessage("unknown orders model 'ledger'; expected "
                + "one of state, event-sourced");
    }
}
