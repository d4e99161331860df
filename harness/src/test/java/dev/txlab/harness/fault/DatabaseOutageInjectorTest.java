package dev.txlab.harness.fault;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.store.spi.InjectedFailure;
import dev.txlab.harness.store.spi.RoundTrip;
import org.junit.jupiter.api.Test;

import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import javax.transaction.xa.XAException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseOutageInjectorTest {
    private final MovableClock clock = new MovableClock();
    private final DatabaseOutageInjector outage = new DatabaseOutageInjector(new FaultPlan.DatabaseOutage(
            ServiceName.PAYMENTS, Duration.ofSeconds(1), Duration.ofSeconds(2)), Set.of(ServiceName.PAYMENTS), clock);

    @Test
    void refusesRoundTripsToTheDatabaseThatIsDownOnlyWithinTheArmedWindow() {
        assertThat(outage.failureInstead(ServiceName.PAYMENTS, RoundTrip.STATEMENT)).as("not armed").isEmpty();
        outage.arm();
        assertThat(outage.failureInstead(ServiceName.PAYMENTS, RoundTrip.STATEMENT)).as("before").isEmpty();

        clock.advance(Duration.ofMillis(1500));
        assertThat(outage.failureInstead(ServiceName.ORDERS, RoundTrip.STATEMENT)).as("another database").isEmpty();
        InjectedFailure statement = outage.failureInstead(ServiceName.PAYMENTS, RoundTrip.STATEMENT).orElseThrow();
        assertThat(statement.exception()).isInstanceOf(SQLTransientConnectionException.class);
        assertThat(((SQLTransientConnectionException) statement.exception()).getSQLState()).isEqualTo("08006");
        assertThat(statement.connectionLost()).isFalse();
        InjectedFailure commit = outage.failureInstead(ServiceName.PAYMENTS, RoundTrip.XA_COMMIT).orElseThrow();
        assertThat(((XAException) commit.exception()).errorCode).isEqualTo(XAException.XAER_RMFAIL);
        assertThat(commit.connectionLost()).isTrue();

        clock.advance(Duration.ofMillis(1500));
        assertThat(outage.failureInstead(ServiceName.PAYMENTS, RoundTrip.STATEMENT)).as("after").isEmpty();
        assertThat(outage.refused()).isEqualTo(2);
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
