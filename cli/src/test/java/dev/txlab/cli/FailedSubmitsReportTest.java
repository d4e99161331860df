package dev.txlab.cli;

import dev.txlab.harness.fault.FaultPlan;
import dev.txlab.harness.placement.SubmitFailedException;
import dev.txlab.harness.run.SubmitFailures;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class FailedSubmitsReportTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final FailedSubmitsReport report = new FailedSubmitsReport(
            new PrintStream(bytes, true, StandardCharsets.UTF_8), Path.of("/data/txlab/run.log"));

    @Test
    void aRunWithFailedSubmitsIsNotAResultAndSaysWhyInOneLinePerCause() {
        SubmitFailures failures = failures(new SQLException("ERROR: prepared transactions are disabled"), 2975);

        boolean notAResult = report.print(failures, 3000, FaultPlan.NONE);

        assertThat(notAResult).isTrue();
        assertThat(text()).startsWith("NOT A RESULT: 2975 of 3000 submits failed")
                .contains("  2975 x SQLException: ERROR: prepared transactions are disabled\n")
                .contains("stack traces: /data/txlab/run.log");
        assertThat(text().lines()).hasSize(3);
    }

    @Test
    void failuresTheFaultPlanInjectsAreSaidButKeepTheRunAResult() {
        FaultPlan outage = FaultPlan.NONE.withDatabaseOutage(new FaultPlan.DatabaseOutage(
                dev.txlab.domain.service.ServiceName.PAYMENTS, Duration.ZERO, Duration.ofSeconds(2)));

        boolean notAResult = report.print(failures(new SQLException("connection lost"), 12), 400, outage);

        assertThat(notAResult).isFalse();
        assertThat(text()).startsWith("12 of 400 submits failed").contains("as the run's fault plan intends");
    }

    @Test
    void saysNothingWhenEverySubmitWasPlaced() {
        assertThat(report.print(new SubmitFailures(), 100, FaultPlan.NONE)).isFalse();
        assertThat(text()).isEmpty();
    }

    private static SubmitFailures failures(Exception cause, int count) {
        SubmitFailures failures = new SubmitFailures();
        for (int i = 0; i < count; i++) {
            failures.record(new SubmitFailedException("o" + i, cause));
        }
        return failures;
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
