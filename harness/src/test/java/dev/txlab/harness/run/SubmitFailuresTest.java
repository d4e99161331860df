package dev.txlab.harness.run;

import dev.txlab.harness.placement.SubmitFailedException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class SubmitFailuresTest {

    @Test
    void countsFailuresByTheirInnermostCauseInTheOrderFirstSeen() {
        SubmitFailures failures = new SubmitFailures();

        failures.record(failure("o1", new SQLException("ERROR: prepared transactions are disabled\n  Hint: set it")));
        failures.record(failure("o2", new IllegalStateException("pool exhausted")));
        failures.record(failure("o3", new SQLException("ERROR: prepared transactions are disabled\n  Hint: set it")));

        assertThat(failures.count()).isEqualTo(3);
        assertThat(failures.firstCause()).hasValue("SQLException: ERROR: prepared transactions are disabled");
        assertThat(failures.byCause()).containsExactly(
                entry("SQLException: ERROR: prepared transactions are disabled", 2),
                entry("IllegalStateException: pool exhausted", 1));
    }

    @Test
    void followsASuppressedParticipantErrorWhenTheRollbackHasNoCause() {
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new RuntimeException("Error preparing transaction",
                new SQLException("ERROR: prepared transactions are disabled")));

        assertThat(SubmitFailures.causeOf(failure("o1", new IllegalStateException("did not commit", rollback))))
                .isEqualTo("SQLException: ERROR: prepared transactions are disabled");
    }

    @Test
    void keepsAtMostTenCausesApartAndCountsTheRestTogether() {
        SubmitFailures failures = new SubmitFailures();

        for (int i = 0; i < SubmitFailures.MAX_CAUSES + 5; i++) {
            failures.record(failure("o" + i, new IllegalStateException("cause " + i)));
        }

        assertThat(failures.byCause()).hasSize(SubmitFailures.MAX_CAUSES + 1)
                .containsEntry(SubmitFailures.OTHER_CAUSES, 5);
        assertThat(failures.count()).isEqualTo(SubmitFailures.MAX_CAUSES + 5);
    }

    private static SubmitFailedException failure(String orderId, Throwable cause) {
        return new SubmitFailedException(orderId, cause);
    }

    private static java.util.Map.Entry<String, Integer> entry(String cause, int count) {
        return java.util.Map.entry(cause, count);
    }
}
