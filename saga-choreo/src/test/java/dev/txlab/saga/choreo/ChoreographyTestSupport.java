package dev.txlab.saga.choreo;

import dev.txlab.domain.model.OrdersModel;
import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.model.Outcome;
import dev.txlab.domain.model.RejectionReason;
import dev.txlab.domain.service.Ids;
import dev.txlab.domain.service.OrderServices;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.store.Stores;
import dev.txlab.harness.store.Topology;
import dev.txlab.harness.workload.InitialState;
import dev.txlab.harness.workload.InitialStateWriter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saga unit-test support for the choreography, without a broker (in the spirit of eventuate's
 * SagaUnitTestSupport): each service on its own in-memory H2 database with the given initial state;
 * {@code given(order)} commits the PENDING order, {@code deliver(event)} runs the reaction of every
 * service that reacts to it in a local transaction, and the expectations check what it emitted, the
 * order's outcome and the state it left.
 *
 * <pre>{@code
 * support.given(order)
 *        .deliver(ORDER_CREATED).expectEmitted(CUSTOMER_AUTHORIZED)
 *        .deliverEmitted().expectEmitted(STOCK_RESERVED) ...
 * }</pre>
 */
final class ChoreographyTestSupport implements AutoCloseable {
    private final Stores stores;
    private final OrderServices services = OrderServices.create(OrdersModel.STATE, Clock.systemUTC(), Ids.TIME_ORDERED);
    private final Choreography choreography = new Choreography(services);

    private ChoreographyTestSupport(Stores stores) {
        this.stores = stores;
    }

    static ChoreographyTestSupport create(String prefix, InitialState state) throws SQLException {
        StoreConfig config = StoreConfig.builder().allServices(StoreKind.H2_MEM).prefix(prefix).build();
        Stores.reset(config);
        Stores stores = Stores.open(config, Topology.DATABASE_PER_SERVICE, JdbcDecorator.of());
        InitialStateWriter.write(state, stores::dataSource);
        return new ChoreographyTestSupport(stores);
    }

    /** Commits the order PENDING, as the orders service does before it emits OrderCreated. */
    Saga given(OrderRequest order) throws SQLException {
        try (Connection connection = stores.dataSource(ServiceName.ORDERS).getConnection()) {
            services.orders().createPending(connection, order);
            connection.commit();
        }
        return new Saga(OrderEvent.of(order));
    }

    /** One order's saga, driven by hand. */
    final class Saga {
        private final OrderEvent order;
        private List<Consequences.Emitted> lastEmitted = List.of();
        private Optional<Outcome> lastOutcome = Optional.empty();

        private Saga(OrderEvent order) {
            this.order = order;
        }

        /** Delivers an event about the order (with no reason) to every service that reacts to it. */
        Saga deliver(String type) throws SQLException {
            return deliver(type, order);
        }

        /** Delivers an event with the given payload to every service that reacts to it. */
        Saga deliver(String type, OrderEvent event) throws SQLException {
            List<Consequences.Emitted> emitted = new ArrayList<>();
            Optional<Outcome> outcome = Optional.empty();
            List<Choreography.Rule> rules = choreography.rules().stream().filter(r -> r.event().equals(type)).toList();
            assertThat(rules).as("services reacting to " + type).isNotEmpty();
            for (Choreography.Rule rule : rules) {
                Consequences out = new Consequences();
                try (Connection connection = stores.dataSource(rule.reactor()).getConnection()) {
                    rule.reaction().react(connection, event, out);
                    connection.commit();
                }
                emitted.addAll(out.emitted());
                if (out.outcome().isPresent()) {
                    outcome = out.outcome();
                }
            }
            lastEmitted = emitted;
            lastOutcome = outcome;
            return this;
        }

        /** Delivers the one event the last delivery emitted. */
        Saga deliverEmitted() throws SQLException {
            assertThat(lastEmitted).as("events emitted by the last delivery").hasSize(1);
            return deliver(lastEmitted.get(0).type(), lastEmitted.get(0).event());
        }

        Saga expectEmitted(String... types) {
            assertThat(lastEmitted).extracting(Consequences.Emitted::type).containsExactly(types);
            return this;
        }

        Saga expectNothingEmitted() {
            assertThat(lastEmitted).isEmpty();
            return this;
        }

        /** The last emitted event carries this refusal reason. */
        Saga expectReason(RejectionReason reason) {
            assertThat(lastEmitted).singleElement().satisfies(e -> assertThat(e.event().reason()).isEqualTo(reason));
            return this;
        }

        Saga expectOutcome(Outcome outcome) {
            assertThat(lastOutcome).contains(outcome);
            return this;
        }

        /** The last emitted event, to deliver later (a late or reordered delivery). */
        Consequences.Emitted lastEmitted() {
            assertThat(lastEmitted).hasSize(1);
            return lastEmitted.get(0);
        }
    }

    long stockOf(String sku) throws SQLException {
        return queryLong(ServiceName.DEPOT, "SELECT stock FROM products WHERE sku = ?", sku);
    }

    long balanceOf(String customerId) throws SQLException {
        return queryLong(ServiceName.PAYMENTS, "SELECT balance_cents FROM accounts WHERE customer_id = ?", customerId);
    }

    long count(ServiceName service, String sql, String orderId) throws SQLException {
        return queryLong(service, sql, orderId);
    }

    private long queryLong(ServiceName service, String sql, String parameter) throws SQLException {
        try (Connection connection = stores.dataSource(service).getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as(sql + " with " + parameter).isTrue();
                long value = rows.getLong(1);
                connection.rollback();
                return value;
            }
        }
    }

    @Override
    public void close() {
        stores.close();
    }
}
