package dev.txlab.domain.service;

import dev.txlab.domain.model.AccountEvent;
import dev.txlab.domain.model.AccountState;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * Accounts as streams of events ({@link AccountEventStore}): opening one loads it (from its latest
 * snapshot when snapshots are on), and each debit or credit appends the next version; nothing is
 * locked, so two transactions debiting one account at once race for the version and the loser is
 * retried from the reload (optimistic concurrency in place of the row lock).
 */
final class EventSourcedAccounts implements Accounts {
    private final Clock clock;
    private final int snapshotEvery;
    private final AccountListener listener;

    EventSourcedAccounts(Clock clock, int snapshotEvery, AccountListener listener) {
        this.clock = clock;
        this.snapshotEvery = snapshotEvery;
        this.listener = listener;
    }

    @Override
    public Optional<Account> open(Connection connection, String customerId) throws SQLException {
        AccountEventStore.Loaded loaded = AccountEventStore.load(connection, customerId, snapshotEvery > 0);
        loaded.warning().ifPresent(listener::snapshotNotUsed);
        return loaded.state().map(state -> new StreamAccount(connection, state));
    }

    /** One account in one transaction: its state as loaded, moved on by each append. */
    private final class StreamAccount implements Account {
        private final Connection connection;
        private AccountState state;

        StreamAccount(Connection connection, AccountState state) {
            this.connection = connection;
            this.state = state;
        }

        @Override
        public long balanceCents() {
            return state.balanceCents();
        }

        @Override
        public void debit(long amountCents, String orderId) throws SQLException {
            append(AccountEvent.debited(state.customerId(), state.version() + 1, amountCents, orderId, clock.millis()),
                    new AccountState(state.customerId(), state.balanceCents() - amountCents, state.version() + 1));
        }

        @Override
        public void credit(long amountCents, String orderId) throws SQLException {
            append(AccountEvent.credited(state.customerId(), state.version() + 1, amountCents, orderId, clock.millis()),
                    new AccountState(state.customerId(), state.balanceCents() + amountCents, state.version() + 1));
        }

        @Override
        public void note(AccountEvent.Type type, String orderId) throws SQLException {
            append(AccountEvent.noted(state.customerId(), state.version() + 1, type, orderId, clock.millis()),
                    new AccountState(state.customerId(), state.balanceCents(), state.version() + 1));
        }

        private void append(AccountEvent event, AccountState after) throws SQLException {
            try {
                AccountEventStore.append(connection, event, after, snapshotEvery);
            } catch (SQLException e) {
                if (OrderEventStore.VERSION_CONFLICT_STATE.equals(e.getSQLState())) {
                    listener.versionTaken(event.customerId());
                }
                throw e;
            }
            state = after;
        }
    }
}
