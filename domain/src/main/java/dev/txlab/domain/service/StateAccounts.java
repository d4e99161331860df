package dev.txlab.domain.service;

import dev.txlab.domain.model.AccountEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Accounts as rows of {@code accounts}: opening one locks its row (FOR UPDATE), so debits serialize per customer. */
final class StateAccounts implements Accounts {
    @Override
    public Optional<Account> open(Connection connection, String customerId) throws SQLException {
        try (PreparedStatement statement = Sql.prepare(connection,
                "SELECT balance_cents FROM accounts WHERE customer_id = ? FOR UPDATE", customerId);
             ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            long balance = rows.getLong(1);
            return Optional.of(new Account() {
                @Override
                public long balanceCents() {
                    return balance;
                }

                @Override
                public void debit(long amountCents, String orderId) throws SQLException {
                    Sql.update(connection, "UPDATE accounts SET balance_cents = balance_cents - ? WHERE customer_id = ?",
                            amountCents, customerId);
                }

                @Override
                public void credit(long amountCents, String orderId) throws SQLException {
                    Sql.update(connection, "UPDATE accounts SET balance_cents = balance_cents + ? WHERE customer_id = ?",
                            amountCents, customerId);
                }

                @Override
                public void note(AccountEvent.Type type, String orderId) {
                    // the row lock taken by open already serializes the account's changes
                }
            });
        }
    }
}
