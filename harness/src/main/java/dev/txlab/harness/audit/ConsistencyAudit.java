package dev.txlab.harness.audit;

import dev.txlab.domain.model.OrderStatus;
import dev.txlab.domain.service.AccountEventStore;
import dev.txlab.domain.service.OrderBook;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.readmodel.ReadModelCheck;
import dev.txlab.harness.workload.InitialState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Checks invariants I0-I6 over the services' databases after a run (at quiescence or after
 * recovery). The initial stock and money come from the workload, the acknowledged ids from the
 * ledger; everything else is read from the databases.
 */
public final class ConsistencyAudit {
    private final Function<ServiceName, DataSource> dataSources;
    private final InitialState initial;
    private final Duration terminationBound;
    private final Clock clock;

    public ConsistencyAudit(Function<ServiceName, DataSource> dataSources, InitialState initial,
                            Duration terminationBound, Clock clock) {
        this.dataSources = dataSources;
        this.initial = initial;
        this.terminationBound = terminationBound;
        this.clock = clock;
    }

    private record OrderRow(OrderStatus status, String reason, long createdAtMs) {
    }

    /** Effects one service holds for one order: rows in all, and rows still in effect. */
    private static final class Effects {
        int rows;
        int active;
    }

    public AuditReport audit(Set<String> acknowledged) throws SQLException {
        List<Violation> violations = new ArrayList<>();
        Map<String, OrderRow> orders = readOrders(violations);
        Map<String, Effects> authorizations = effects(ServiceName.CUSTOMERS,
                "SELECT order_id, 'ACTIVE' FROM authorizations");
        Map<String, Effects> lists = effects(ServiceName.DEPOT, "SELECT order_id, status FROM shopping_lists");
        Map<String, Effects> payments = effects(ServiceName.PAYMENTS,
                "SELECT order_id, CASE WHEN status = 'CONFIRMED' THEN 'ACTIVE' ELSE status END FROM payments");

        for (String id : acknowledged) {
            if (!orders.containsKey(id)) {
                violations.add(new Violation(Invariant.I0_NOTHING_LOST, Violation.quoted(id),
                        "acknowledged, but the orders database has no such order"));
            }
        }
        checkAtomicity(orders, authorizations, lists, payments, violations);
        checkStock(violations);
        checkMoney(violations);
        checkLeftoversAndTermination(orders, violations);
        checkSingleEffect("authorizations", authorizations, violations);
        checkSingleEffect("shopping lists", lists, violations);
        checkSingleEffect("payments", payments, violations);
        checkReadModels(violations);

        Map<String, Long> counts = new TreeMap<>();
        orders.values().forEach(row -> counts.merge(label(row), 1L, Long::sum));
        return new AuditReport(violations, new TreeMap<>(counts), orders.size(), acknowledged.size());
    }

    private void checkAtomicity(Map<String, OrderRow> orders, Map<String, Effects> authorizations,
                                Map<String, Effects> lists, Map<String, Effects> payments,
                                List<Violation> violations) {
        for (Map.Entry<String, OrderRow> entry : orders.entrySet()) {
            String id = entry.getKey();
            int authorized = active(authorizations, id);
            int reserved = active(lists, id);
            int paid = active(payments, id);
            switch (entry.getValue().status()) {
                case APPROVED -> {
                    if (authorized == 0 || reserved == 0 || paid == 0) {
                        violations.add(new Violation(Invariant.I1_ATOMICITY, id, "APPROVED but "
                                + missing(authorized, reserved, paid)));
                    }
                }
                case REJECTED -> {
                    if (reserved > 0 || paid > 0) {
                        violations.add(new Violation(Invariant.I1_ATOMICITY, id, "REJECTED but still holds "
                                + (reserved > 0 ? "an active shopping list" : "")
                                + (reserved > 0 && paid > 0 ? " and " : "")
                                + (paid > 0 ? "an unrefunded payment" : "")));
                    }
                }
                case PENDING -> { }
            }
        }
        orphans("an active shopping list", lists, orders, violations);
        orphans("an unrefunded payment", payments, orders, violations);
    }

    private static void orphans(String what, Map<String, Effects> effects, Map<String, OrderRow> orders,
                                List<Violation> violations) {
        effects.forEach((id, effect) -> {
            if (effect.active > 0 && !orders.containsKey(id)) {
                violations.add(new Violation(Invariant.I1_ATOMICITY, id,
                        what + " for an order the orders database does not know"));
            }
        });
    }

    private void checkStock(List<Violation> violations) throws SQLException {
        Map<String, Long> stock = longs(ServiceName.DEPOT, "SELECT sku, stock FROM products");
        Map<String, Long> reserved = longs(ServiceName.DEPOT,
                "SELECT i.sku, SUM(i.quantity) FROM shopping_list_items i"
                        + " JOIN shopping_lists l ON l.list_id = i.list_id WHERE l.status = 'ACTIVE' GROUP BY i.sku");
        for (InitialState.Product product : initial.products()) {
            Long now = stock.get(product.sku());
            if (now == null) {
                violations.add(new Violation(Invariant.I2_CONSERVATION, product.sku(), "product missing from the depot"));
                continue;
            }
            long held = reserved.getOrDefault(product.sku(), 0L);
            if (now < 0) {
                violations.add(new Violation(Invariant.I2_CONSERVATION, product.sku(), "negative stock " + now));
            }
            if (now + held != product.stock()) {
                violations.add(new Violation(Invariant.I2_CONSERVATION, product.sku(), "initial stock "
                        + product.stock() + " != stock " + now + " + reserved in active lists " + held));
            }
        }
    }

    private void checkMoney(List<Violation> violations) throws SQLException {
        Map<String, Long> balances = longs(ServiceName.PAYMENTS, "SELECT customer_id, balance_cents FROM accounts");
        balances.putAll(accountStreams(violations));
        long confirmed = longs(ServiceName.PAYMENTS,
                "SELECT 'total', SUM(amount_cents) FROM payments WHERE status = 'CONFIRMED'")
                .getOrDefault("total", 0L);
        long total = 0;
        for (Map.Entry<String, Long> balance : balances.entrySet()) {
            total += balance.getValue();
            if (balance.getValue() < 0) {
                violations.add(new Violation(Invariant.I2_CONSERVATION, balance.getKey(),
                        "negative balance " + balance.getValue() + " cents"));
            }
        }
        if (total + confirmed != initial.totalMoneyCents()) {
            violations.add(new Violation(Invariant.I2_CONSERVATION, "money", "initial total "
                    + initial.totalMoneyCents() + " cents != balances " + total + " + unrefunded payments "
                    + confirmed));
        }
    }

    /** The balances of event-sourced accounts, each stream replayed whole; one that cannot be is a violation. */
    private Map<String, Long> accountStreams(List<Violation> violations) throws SQLException {
        List<String> unreadable = new ArrayList<>();
        Map<String, Long> balances;
        try (Connection connection = dataSources.apply(ServiceName.PAYMENTS).getConnection()) {
            balances = AccountEventStore.balances(connection, unreadable);
            connection.rollback();
        }
        unreadable.forEach(why -> violations.add(new Violation(Invariant.I2_CONSERVATION, "account events",
                "an account stream that cannot be replayed: " + why)));
        return balances;
    }

    private void checkLeftoversAndTermination(Map<String, OrderRow> orders, List<Violation> violations) {
        long now = clock.millis();
        orders.forEach((id, row) -> {
            if (row.status() == OrderStatus.PENDING) {
                violations.add(new Violation(Invariant.I3_NO_LEFTOVERS, id, "still PENDING"));
                long age = now - row.createdAtMs();
                if (age > terminationBound.toMillis()) {
                    violations.add(new Violation(Invariant.I5_TERMINATION, id, "not terminal " + age
                            + " ms after creation, beyond the bound of " + terminationBound.toMillis() + " ms"));
                }
            }
        });
    }

    private void checkReadModels(List<Violation> violations) throws SQLException {
        try (Connection connection = dataSources.apply(ServiceName.ORDERS).getConnection()) {
            violations.addAll(ReadModelCheck.check(connection));
            connection.rollback();
        }
    }

    private static void checkSingleEffect(String what, Map<String, Effects> effects, List<Violation> violations) {
        effects.forEach((id, effect) -> {
            if (effect.rows > 1) {
                violations.add(new Violation(Invariant.I4_SINGLE_EFFECT, id, effect.rows + " " + what));
            }
        });
    }

    /**
     * Every order, whichever model kept it (rows, or streams replayed: {@link OrderBook}); a stream that
     * cannot be replayed (a gap, a repeated version, an unreadable payload) is a violation naming it.
     */
    private Map<String, OrderRow> readOrders(List<Violation> violations) throws SQLException {
        OrderBook book;
        try (Connection connection = dataSources.apply(ServiceName.ORDERS).getConnection()) {
            book = OrderBook.read(connection);
            connection.rollback();
        }
        book.unreadable().forEach(why -> violations.add(new Violation(Invariant.I0_NOTHING_LOST, "event store",
                "a stream that cannot be replayed: " + why)));
        Map<String, OrderRow> orders = new LinkedHashMap<>();
        book.orders().forEach((id, entry) -> orders.put(id, new OrderRow(entry.status(),
                entry.reason() == null ? null : entry.reason().name(), entry.createdAtMs())));
        return orders;
    }

    private Map<String, Effects> effects(ServiceName service, String sql) throws SQLException {
        Map<String, Effects> effects = new HashMap<>();
        query(service, sql, rows -> {
            Effects effect = effects.computeIfAbsent(rows.getString(1), id -> new Effects());
            effect.rows++;
            if ("ACTIVE".equals(rows.getString(2))) {
                effect.active++;
            }
        });
        return effects;
    }

    private Map<String, Long> longs(ServiceName service, String sql) throws SQLException {
        Map<String, Long> values = new HashMap<>();
        query(service, sql, rows -> {
            long value = rows.getLong(2);
            if (!rows.wasNull()) {
                values.put(rows.getString(1), value);
            }
        });
        return values;
    }

    private void query(ServiceName service, String sql, RowHandler handler) throws SQLException {
        try (Connection connection = dataSources.apply(service).getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                handler.handle(rows);
            }
            connection.rollback();
        }
    }

    private static int active(Map<String, Effects> effects, String id) {
        Effects effect = effects.get(id);
        return effect == null ? 0 : effect.active;
    }

    private static String missing(int authorized, int reserved, int paid) {
        List<String> absent = new ArrayList<>();
        if (authorized == 0) {
            absent.add("no authorization");
        }
        if (reserved == 0) {
            absent.add("no active shopping list");
        }
        if (paid == 0) {
            absent.add("no confirmed payment");
        }
        return String.join(", ", absent);
    }

    private static String label(OrderRow row) {
        return row.status() == OrderStatus.REJECTED ? "REJECTED(" + row.reason() + ")" : row.status().name();
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet rows) throws SQLException;
    }
}
