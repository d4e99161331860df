package dev.txlab.messaging;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabasePatienceTest {

    @Test
    void anUnreachableDatabaseIsWaitedOutUntilTheWorkSucceeds() throws SQLException {
        AtomicInteger attempts = new AtomicInteger();
        String result = DatabasePatience.whileUnreachable(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new SQLTransientConnectionException("down", "08006");
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void anyOtherFailureIsThrownAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> DatabasePatience.whileUnreachable(() -> {
            attempts.incrementAndGet();
            throw new SQLException("unique constraint violated", "23505");
        })).hasMessage("unique constraint violated");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void connectionFailuresAreRecognisedByTypeOrByStateAnywhereInTheChain() {
        assertThat(DatabasePatience.isUnreachable(new SQLException("lost", "08003"))).isTrue();
        assertThat(DatabasePatience.isUnreachable(new RuntimeException(new SQLTransientConnectionException("x"))))
                .isTrue();
        assertThat(DatabasePatience.isUnreachable(new SQLException("deadlock", "40001"))).isFalse();
        assertThat(DatabasePatience.isUnreachable(new SQLException("no state"))).isFalse();
    }
}
