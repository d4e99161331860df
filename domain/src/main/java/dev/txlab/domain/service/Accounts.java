package dev.txlab.domain.service;

import dev.txlab.domain.model.AccountEvent;
import dev.txlab.domain.model.AccountsModel;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * How the payments service keeps customers' accounts ({@link AccountsModel}): opening one in a
 * transaction gives its balance and lets the transaction debit and credit it.
 */
interface Accounts {
    /** The customer's account in this transaction (locked, or loaded); empty when the customer has none. */
    Optional<Account> open(Connection connection, String customerId) throws SQLException;

    /** One account within one transaction. */
    interface Account {
        long balanceCents();

        void debit(long amountCents, String orderId) throws SQLException;

        void credit(long amountCents, String orderId) throws SQLException;

        /**
         * Notes a change to the order's payment record that moves no money (a refusal, a void), where the
         * model needs it to serialize changes per account as opening it does not.
         */
        void note(AccountEvent.Type type, String orderId) throws SQLException;
    }

    static Accounts of(AccountsModel model, Clock clock, int snapshotEvery, AccountListener listener) {
        return switch (model) {
            case STATE -> new StateAccounts();
            case EVENT_SOURCED -> new EventSourcedAccounts(clock, snapshotEvery, listener);
        };
    }
}
