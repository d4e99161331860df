package dev.txlab.scenarios;

import dev.txlab.domain.model.OrderStatus;
import dev.txlab.domain.service.OrderBook;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.Stores;
import dev.txlab.harness.store.Topology;

import java.sql.Connection;
import java.time.Clock;
import java.util.Optional;

/** Reads one order's status, whichever model kept it, from the orders database of a run with a database per service. */
final class OrderStatuses {
    private OrderStatuses() {
    }

    static Optional<OrderStatus> of(StoreConfig store, String orderId, Clock clock) throws Exception {
        try (Stores stores = Stores.open(store, Topology.DATABASE_PER_SERVICE, JdbcDecorator.of());
             Connection connection = stores.dataSource(ServiceName.ORDERS).getConnection()) {
            return Optional.ofNullable(OrderBook.read(connection).orders().get(orderId)).map(OrderBook.Entry::status);
        }
    }
}
