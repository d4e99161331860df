package dev.txlab.scenarios.probe;

import dev.txlab.domain.model.OrderStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Known anomalies planted in a recorded history: the classifier finds each, and nothing in clean reads. */
class AnomalyClassifierTest {
    private static final Map<String, OrderStatus> FINAL = Map.of(
            "o1", OrderStatus.REJECTED, "o2", OrderStatus.APPROVED, "o3", OrderStatus.APPROVED,
            "o4", OrderStatus.REJECTED);

    private static Observation seen(String order, OrderStatus status, boolean reservation, boolean payment) {
        return new Observation(order, Optional.ofNullable(status), reservation, payment);
    }

    @Test
    void findsEveryPlantedAnomalyWithAnExample() {
        List<Observation> history = List.of(
                seen("o1", OrderStatus.PENDING, true, false),    // dirty read and intermediate state
                seen("o2", OrderStatus.APPROVED, true, false),   // non-atomic commit: approved, payment not yet
                seen("o3", null, false, true),                   // nothing an order that ends approved can't show
                seen("o4", OrderStatus.REJECTED, false, false)); // clean

        ProbeReport report = AnomalyClassifier.classify(history, FINAL);

        assertThat(report.reads()).isEqualTo(4);
        assertThat(report.count(Anomaly.DIRTY_READ)).isEqualTo(1);
        assertThat(report.count(Anomaly.INTERMEDIATE_STATE)).isEqualTo(1);
        assertThat(report.count(Anomaly.NON_ATOMIC_COMMIT)).isEqualTo(1);
        assertThat(report.examples().get(Anomaly.DIRTY_READ))
                .isEqualTo("order o1 read as PENDING, stock reserved, no payment; it ended REJECTED");
        assertThat(report.examples().get(Anomaly.NON_ATOMIC_COMMIT))
                .isEqualTo("order o2 read as APPROVED, stock reserved, no payment; it ended APPROVED");
    }

    @Test
    void cleanReadsShowNoAnomaly() {
        List<Observation> history = List.of(
                seen("o2", OrderStatus.APPROVED, true, true),
                seen("o3", null, false, false),
                seen("o1", OrderStatus.REJECTED, false, false));

        ProbeReport report = AnomalyClassifier.classify(history, FINAL);

        assertThat(report.counts()).isEmpty();
        assertThat(report.countsByLabel()).containsEntry("dirty read", 0L).containsEntry("intermediate state", 0L)
                .containsEntry("non-atomic commit", 0L);
    }

    @Test
    void aSummaryBehindItsStreamIsAStaleReadAndOneUpToDateIsNot() {
        List<Observation> history = List.of(
                new Observation("o2", Optional.of(OrderStatus.APPROVED), true, true, Optional.of(
                        new Observation.ViewRead(1, Optional.of(OrderStatus.PENDING), 2))), // behind
                new Observation("o3", Optional.of(OrderStatus.APPROVED), true, true, Optional.of(
                        new Observation.ViewRead(0, Optional.empty(), 2))),                // no row yet
                new Observation("o4", Optional.of(OrderStatus.REJECTED), false, false, Optional.of(
                        new Observation.ViewRead(2, Optional.of(OrderStatus.REJECTED), 2)))); // up to date

        ProbeReport report = AnomalyClassifier.classify(history, FINAL);

        assertThat(report.count(Anomaly.STALE_READ)).isEqualTo(2);
        assertThat(report.counts()).containsOnlyKeys(Anomaly.STALE_READ);
        assertThat(report.examples().get(Anomaly.STALE_READ)).isEqualTo("order o2 read as APPROVED, stock reserved, "
                + "payment confirmed, its summary at version 1 (PENDING) while its stream was at version 2; it ended "
                + "APPROVED");
    }
}
