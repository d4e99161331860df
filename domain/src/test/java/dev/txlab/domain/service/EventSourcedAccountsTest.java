package dev.txlab.domain.service;

import dev.txlab.domain.model.AccountEvent;
import dev.txlab.domain.model.AccountsModel;
import dev.txlab.domain.model.RejectionReason;
import dev.txlab.domain.model.StepResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Accounts kept as streams: snapshots every N events, a snapshot that cannot be used, version conflicts. */
class EventSourcedAccountsTest {
    private ServiceDatabases databases;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> conflicts = new ArrayList<>();
    private final AccountListener listener = new AccountListener() {
        @Override
        public void versionTaken(String customerId) {
            conflicts.add(customerId);
        }

        @Override
        public void snapshotNotUsed(String warning) {
            warnings.add(warning);
        }
    };

    @BeforeEach
    void openAccount() throws SQLException {
        databases = new ServiceDatabases();
        databases.insert(ServiceName.PAYMENTS, "INSERT INTO account_events (stream_id, version, event_type, payload, "
                + "committed_at_ms) VALUES (?, 1, 'OPENED', ?, 0)", new Object[] {"alice", "amount=1000"});
    }

    @AfterEach
    void dropDatabases() throws SQLException {
        databases.drop();
    }

    private PaymentsService payments(int snapshotEvery) {
        return PaymentsService.of(AccountsModel.EVENT_SOURCED, Clock.systemUTC(), Ids.TIME_ORDERED, snapshotEvery,
                listener);
    }

    private void payFiveTimes(PaymentsService payments) throws SQLException {
        for (int i = 1; i <= 5; i++) {
            try (Connection c = databases.connect(ServiceName.PAYMENTS)) {
                c.setAutoCommit(false);
                assertThat(payments.confirm(c, "o" + i, "alice", 10)).isEqualTo(StepResult.done());
                c.commit();
            }
        }
    }

    @Test
    void aSnapshotEveryNEventsAndALoadReadsOnlyTheEventsAfterTheLatest() throws SQLException {
        payFiveTimes(payments(3));

        try (Connection c = databases.connect(ServiceName.PAYMENTS)) {
            AccountEventStore.Loaded fromSnapshot = AccountEventStore.load(c, "alice", true);
            AccountEventStore.Loaded whole = AccountEventStore.load(c, "alice", false);

            assertThat(fromSnapshot.fromSnapshot()).as("snapshots at versions 3 and 6").isEqualTo(6);
            assertThat(fromSnapshot.eventsRead()).isZero();
            assertThat(whole.eventsRead()).isEqualTo(6);
            assertThat(fromSnapshot.state()).isEqualTo(whole.state());
            assertThat(whole.state().orElseThrow().balanceCents()).isEqualTo(950);
            assertThat(fromSnapshot.warning()).isEmpty();
        }
    }

    @Test
    void anUnreadableSnapshotIsAWarningAndTheWholeStreamIsReplayed() throws SQLException {
        payFiveTimes(payments(3));
        execute("UPDATE account_snapshots SET payload = 'balance=lost' WHERE version = 6");

        try (Connection c = databases.connect(ServiceName.PAYMENTS)) {
            c.setAutoCommit(false);
            assertThat(payments(3).confirm(c, "o6", "alice", 10)).isEqualTo(StepResult.done());
            c.commit();
        }

        assertThat(warnings).singleElement().satisfies(w -> assertThat(w).contains("account alice at version 6")
                .contains("cannot be read").contains("the whole stream replayed"));
        try (Connection c = databases.connect(ServiceName.PAYMENTS)) {
            assertThat(AccountEventStore.load(c, "alice", false).state().orElseThrow().balanceCents()).isEqualTo(940);
        }
    }

    @Test
    void aSnapshotBeyondItsStreamIsNotUsed() throws SQLException {
        payFiveTimes(payments(3));
        execute("INSERT INTO account_snapshots (stream_id, version, payload, taken_at_ms) VALUES "
                + "('alice', 99, 'balance=5', 0)");

        try (Connection c = databases.connect(ServiceName.PAYMENTS)) {
            AccountEventStore.Loaded loaded = AccountEventStore.load(c, "alice", true);

            assertThat(loaded.fromSnapshot()).isZero();
            assertThat(loaded.state().orElseThrow().balanceCents()).isEqualTo(950);
            assertThat(loaded.warning()).hasValueSatisfying(w -> assertThat(w).contains("version 99")
                    .contains("does not fit"));
        }
    }

    @Test
    void twoWritersOfOneAccountRaceForTheVersionAndTheLaterFails() throws SQLException {
        PaymentsService payments = payments(0);
        try (Connection first = databases.connect(ServiceName.PAYMENTS);
             Connection second = databases.connect(ServiceName.PAYMENTS)) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            assertThat(payments.confirm(first, "o1", "alice", 10)).isEqualTo(StepResult.done());
            first.commit();
            Accounts.Account stale = Accounts.of(AccountsModel.EVENT_SOURCED, Clock.systemUTC(), 0, listener)
                    .open(second, "alice").orElseThrow();
            execute("INSERT INTO account_events (stream_id, version, event_type, payload, committed_at_ms) VALUES "
                    + "('alice', 3, 'DEBITED', 'amount=5;order=o9', 0)");

            assertThatThrownBy(() -> stale.debit(10, "o2")).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(OrderEventStore.VERSION_CONFLICT_STATE);
            assertThat(conflicts).containsExactly("alice");
        }
    }

    @Test
    void aRefusalAndAVoidGoThroughTheStreamAndMoveNoMoney() throws SQLException {
        PaymentsService payments = payments(0);
        try (Connection c = databases.connect(ServiceName.PAYMENTS)) {
            c.setAutoCommit(false);
            assertThat(payments.confirm(c, "o1", "alice", 5_000))
                    .isEqualTo(StepResult.refused(RejectionReason.INSUFFICIENT_FUNDS));
            payments.refund(c, "o2", "alice");
            c.commit();

            assertThat(AccountEventStore.load(c, "alice", false).state().orElseThrow().balanceCents()).isEqualTo(1000);
            assertThat(AccountEventStore.load(c, "alice", false).eventsRead()).isEqualTo(3);
        }
        try (Connection c = databases.connect(ServiceName.PAYMENTS); Statement s = c.createStatement()) {
            var rows = s.executeQuery("SELECT event_type FROM account_events WHERE stream_id = 'alice' ORDER BY version");
            List<String> types = new ArrayList<>();
            while (rows.next()) {
                types.add(rows.getString(1));
            }
            assertThat(types).containsExactly(AccountEvent.Type.OPENED.name(), AccountEvent.Type.REFUSED.name(),
                    AccountEvent.Type.VOIDED.name());
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = databases.connect(ServiceName.PAYMENTS); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
