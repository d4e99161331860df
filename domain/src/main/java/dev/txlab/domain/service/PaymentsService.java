package dev.txlab.domain.service;

import dev.txlab.domain.model.AccountEvent;
import dev.txlab.domain.model.AccountsModel;
import dev.txlab.domain.model.RejectionReason;
import dev.txlab.domain.model.StepResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * The payments service: confirms a payment by debiting the customer's account, and refunds it as
 * the compensation. Both open the account first ({@link Accounts}: its row locked, or its stream
 * loaded and appended to), so they are serialized per customer.
 */
public final class PaymentsService {
    static final String CONFIRMED = "CONFIRMED";
    static final String REFUNDED = "REFUNDED";

    private final Clock clock;
    private final Ids ids;
    private final Accounts accounts;

    /** The payments service of accounts kept as rows (the {@code state} model). */
    public PaymentsService(Clock clock, Ids ids) {
        this(clock, ids, new StateAccounts());
    }

    private PaymentsService(Clock clock, Ids ids, Accounts accounts) {
        this.clock = clock;
        this.ids = ids;
        this.accounts = accounts;
    }

    /**
     * The payments service of an accounts model: with {@code event-sourced}, a snapshot every
     * {@code snapshotEvery} events of an account (0: none), and {@code listener} told of version
     * conflicts and snapshots not used.
     */
    public static PaymentsService of(AccountsModel model, Clock clock, Ids ids, int snapshotEvery,
                                     AccountListener listener) {
        return new PaymentsService(clock, ids, Accounts.of(model, clock, snapshotEvery, listener));
    }

    /**
     * Debits the amount and records the payment; refused when the account is missing or short. A
     * refusal for a short balance is final for the order: it leaves a refunded marker with its
     * reason, so another copy of the confirmation (a saga command sent again, which may even arrive
     * before the first) is refused again even when the balance grew meanwhile. A marker a
     * compensation left (no reason) makes a late copy have no effect.
     */
    public StepResult confirm(Connection connection, String orderId, String customerId, long amountCents)
            throws SQLException {
        Optional<Accounts.Account> account = accounts.open(connection, customerId);
        if (account.isEmpty()) {
            return StepResult.refused(RejectionReason.NO_ACCOUNT);
        }
        Optional<StepResult> earlier = EarlierCopies.answer(connection, "payments", CONFIRMED, orderId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (account.get().balanceCents() < amountCents) {
            account.get().note(AccountEvent.Type.REFUSED, orderId);
            insertRefundedMarker(connection, orderId, customerId, RejectionReason.INSUFFICIENT_FUNDS);
            return StepResult.refused(RejectionReason.INSUFFICIENT_FUNDS);
        }
        account.get().debit(amountCents, orderId);
        Sql.update(connection,
                "INSERT INTO payments (payment_id, order_id, customer_id, amount_cents, status, created_at_ms)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                ids.next(), orderId, customerId, amountCents, CONFIRMED, clock.millis());
        return StepResult.done();
    }

    /**
     * Refunds the order's payment. Without a payment it records a refunded marker of zero, so a
     * confirmation arriving later has no effect.
     */
    public void refund(Connection connection, String orderId, String customerId) throws SQLException {
        Optional<Accounts.Account> account = accounts.open(connection, customerId);
        String paymentId;
        long amount;
        try (PreparedStatement statement = Sql.prepare(connection,
                "SELECT payment_id, status, amount_cents FROM payments WHERE order_id = ?", orderId);
             ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                if (account.isPresent()) {
                    account.get().note(AccountEvent.Type.VOIDED, orderId);
                }
                insertRefundedMarker(connection, orderId, customerId, null);
                return;
            }
            if (REFUNDED.equals(rows.getString(2))) {
                return;
            }
            paymentId = rows.getString(1);
            amount = rows.getLong(3);
        }
        if (account.isEmpty()) {
            throw new IllegalStateException("order " + orderId + " has a payment from customer " + customerId
                    + ", who has no account");
        }
        account.get().credit(amount, orderId);
        Sql.update(connection, "UPDATE payments SET status = ?, refunded_at_ms = ? WHERE payment_id = ?",
                REFUNDED, clock.millis(), paymentId);
    }

    /**
     * A refunded payment of zero, with the refusal's reason when a refused confirmation leaves it:
     * another copy of the confirmation for the order has no effect, or is refused again.
     */
    private void insertRefundedMarker(Connection connection, String orderId, String customerId,
                                      RejectionReason refusal) throws SQLException {
        try (PreparedStatement insert = Sql.prepare(connection, "INSERT INTO payments (payment_id, order_id,"
                        + " customer_id, amount_cents, status, created_at_ms, refunded_at_ms, refusal_reason)"
                        + " VALUES (?, ?, ?, 0, ?, ?, ?, ?)",
                ids.next(), orderId, customerId, REFUNDED, clock.millis(), clock.millis())) {
            insert.setString(7, refusal == null ? null : refusal.name()); // a typed null, as every driver takes it
            insert.executeUpdate();
        }
    }
}
