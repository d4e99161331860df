package dev.txlab.scenarios;

import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.placement.ImplementationId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A passing saga cell whose batches did not form fails; other cells keep their result. */
class BatchesFormedTest {
    private static final Scenario DUPLICATES = Catalog.byId("saga-duplicate-deliveries").orElseThrow();
    private static final Scenario TWO_COORDINATORS = Catalog.byId("orch-two-coordinators").orElseThrow();

    private static FaultMatrix.Cell passing(long transactions, long deliveries) {
        return FaultMatrix.Cell.pass("audit OK", null).withBatches(new MessageCounts(0, deliveries, 0, 0, 0, 0, 0, 0,
                0, transactions, deliveries, 9));
    }

    @Test
    void aSagaCellWithAMeanBatchBelowOneAndAHalfFailsSayingSo() {
        FaultMatrix.Cell judged = BatchesFormed.judge(passing(100, 140), DUPLICATES, ImplementationId.SAGA_CHOREO);

        assertThat(judged.failed()).isTrue();
        assertThat(judged.evidence()).startsWith("batches did not form: mean 1.40 deliveries per consumer transaction, below 1.5")
                .contains("audit OK");
        assertThat(judged.batches().largest()).isEqualTo(9);
    }

    @Test
    void aSagaCellWithAMeanOfOneAndAHalfOrMorePasses() {
        FaultMatrix.Cell cell = passing(100, 150);

        assertThat(BatchesFormed.judge(cell, DUPLICATES, ImplementationId.SAGA_ORCH)).isEqualTo(cell);
    }

    @Test
    void aSagaCellThatCountedNoBatchFails() {
        FaultMatrix.Cell judged = BatchesFormed.judge(FaultMatrix.Cell.pass("audit OK", null).withBatches(
                MessageCounts.NONE), DUPLICATES, ImplementationId.SAGA_ORCH);

        assertThat(judged.failed()).isTrue();
        assertThat(judged.evidence()).startsWith("the scenario counted no consumer batches");
    }

    @Test
    void theOtherImplementationsAndFailingCellsAreLeftAsTheyAre() {
        FaultMatrix.Cell xa = FaultMatrix.Cell.pass("audit OK", 1.0);
        FaultMatrix.Cell failing = FaultMatrix.Cell.fail("the audit: I1");

        assertThat(BatchesFormed.judge(xa, DUPLICATES, ImplementationId.XA_NARAYANA)).isEqualTo(xa);
        assertThat(BatchesFormed.judge(failing, DUPLICATES, ImplementationId.SAGA_ORCH)).isEqualTo(failing);
    }

    @Test
    void aScenarioThatSaysWhyItsBatchesStaySmallPassesAndTheCellSaysWhy() {
        FaultMatrix.Cell judged = BatchesFormed.judge(passing(100, 140), TWO_COORDINATORS, ImplementationId.SAGA_ORCH);

        assertThat(judged.passed()).isTrue();
        assertThat(judged.evidence()).contains("batches not held to a mean of 1.5: two instances split");
    }
}
