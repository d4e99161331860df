package dev.txlab.domain.service;

import dev.txlab.domain.model.OrderLine;
import dev.txlab.domain.model.RejectionReason;
import dev.txlab.domain.model.StepResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The depot service: reserves stock for all lines of an order in a shopping list, and cancels the
 * list (restocking) as the compensation. Both lock the order's product rows in sku order first,
 * so a reservation and its compensation for one order are serialized and never deadlock.
 */
public final class DepotService {
    static final String ACTIVE = "ACTIVE";
    static final String CANCELLED = "CANCELLED";

    private final Clock clock;
    private final Ids ids;

    public DepotService(Clock clock, Ids ids) {
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Reserves stock for every line, or nothing: refused when a product is unknown or short. A
     * refusal is final for the order: it leaves a cancelled marker with its reason, so another copy
     * of the reservation (a saga command sent again, which may even arrive before the first) is
     * refused again with that reason even when stock came back meanwhile. A marker a compensation
     * left (no reason) makes a late copy have no effect.
     */
    public StepResult reserve(Connection connection, String orderId, List<OrderLine> lines) throws SQLException {
        List<OrderLine> ordered = inLockOrder(lines);
        Map<String, Long> stock = lockProducts(connection, ordered);
        Optional<StepResult> earlier = EarlierCopies.answer(connection, "shopping_lists", ACTIVE, orderId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        for (OrderLine line : ordered) {
            Long available = stock.get(line.sku());
            if (available == null || available < line.quantity()) {
                RejectionReason reason = available == null ? RejectionReason.UNKNOWN_PRODUCT
                        : RejectionReason.OUT_OF_STOCK;
                insertCancelledMarker(connection, orderId, reason);
                return StepResult.refused(reason);
            }
        }
        String listId = ids.next();
        Sql.update(connection,
                "INSERT INTO shopping_lists (list_id, order_id, status, created_at_ms) VALUES (?, ?, ?, ?)",
                listId, orderId, ACTIVE, clock.millis());
        adjustStock(connection, ordered, -1);
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO shopping_list_items (list_id, sku, quantity) VALUES (?, ?, ?)")) {
            for (OrderLine line : ordered) {
                statement.setString(1, listId);
                statement.setString(2, line.sku());
                statement.setLong(3, line.quantity());
                statement.addBatch();
            }
            statement.executeBatch();
        }
        return StepResult.done();
    }

    /**
     * Cancels the order's shopping list and restocks what it held. Without a list it records a
     * cancelled marker, so a reservation arriving later has no effect.
     */
    public void cancel(Connection connection, String orderId, List<OrderLine> lines) throws SQLException {
        lockProducts(connection, inLockOrder(lines));
        String listId;
        String status;
        try (PreparedStatement statement = Sql.prepare(connection,
                "SELECT list_id, status FROM shopping_lists WHERE order_id = ?", orderId);
             ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                insertCancelledMarker(connection, orderId, null);
                return;
            }
            listId = rows.getString(1);
            status = rows.getString(2);
        }
        if (CANCELLED.equals(status)) {
            return;
        }
        adjustStock(connection, listItems(connection, listId), +1);
        Sql.update(connection, "UPDATE shopping_lists SET status = ?, cancelled_at_ms = ? WHERE list_id = ?",
                CANCELLED, clock.millis(), listId);
    }

    /**
     * A cancelled list without items, with the refusal's reason when a refused reservation leaves it:
     * another copy of the reservation for the order has no effect, or is refused again.
     */
    private void insertCancelledMarker(Connection connection, String orderId, RejectionReason refusal)
            throws SQLException {
        try (PreparedStatement insert = Sql.prepare(connection, "INSERT INTO shopping_lists (list_id, order_id,"
                        + " status, created_at_ms, cancelled_at_ms, refusal_reason) VALUES (?, ?, ?, ?, ?, ?)",
                ids.next(), orderId, CANCELLED, clock.millis(), clock.millis())) {
            insert.setString(6, refusal == null ? null : refusal.name()); // a typed null, as every driver takes it
            insert.executeUpdate();
        }
    }

    private static List<OrderLine> listItems(Connection connection, String listId) throws SQLException {
        List<OrderLine> items = new ArrayList<>();
        try (PreparedStatement statement = Sql.prepare(connection,
                "SELECT sku, quantity FROM shopping_list_items WHERE list_id = ? ORDER BY sku", listId);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                items.add(new OrderLine(rows.getString(1), rows.getLong(2), 0));
            }
        }
        return items;
    }

    private static Map<String, Long> lockProducts(Connection connection, List<OrderLine> ordered)
            throws SQLException {
        String placeholders = String.join(", ", Collections.nCopies(ordered.size(), "?"));
        Map<String, Long> stock = new HashMap<>();
        try (PreparedStatement statement = Sql.prepare(connection,
                "SELECT sku, stock FROM products WHERE sku IN (" + placeholders + ") ORDER BY sku FOR UPDATE",
                ordered.stream().map(OrderLine::sku).toArray());
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                stock.put(rows.getString(1), rows.getLong(2));
            }
        }
        return stock;
    }

    private static void adjustStock(Connection connection, List<OrderLine> ordered, int sign) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE products SET stock = stock + ? WHERE sku = ?")) {
            for (OrderLine line : ordered) {
                statement.setLong(1, sign * line.quantity());
                statement.setString(2, line.sku());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static List<OrderLine> inLockOrder(List<OrderLine> lines) {
        return lines.stream().sorted(Comparator.comparing(OrderLine::sku)).toList();
    }
}
