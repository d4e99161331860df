package dev.txlab.scenarios.probe;

import dev.txlab.domain.model.OrderStatus;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges a probe's observations against the orders' final statuses. The reads of one observation
 * are sequential (orders, then depot, then payments), so only what that order cannot explain is an
 * anomaly: an effect of an order that ended REJECTED, a PENDING order, an APPROVED order whose effects
 * were missing after the approval had been read, a read-model summary behind its stream.
 */
public final class AnomalyClassifier {
    private AnomalyClassifier() {
    }

    /** The anomalies each observation shows (none, one or several). */
    static List<Anomaly> anomalies(Observation observation, Optional<OrderStatus> finalStatus) {
        List<Anomaly> found = new java.util.ArrayList<>();
        boolean effect = observation.reservation() || observation.payment();
        if (effect && finalStatus.equals(Optional.of(OrderStatus.REJECTED))) {
            found.add(Anomaly.DIRTY_READ);
        }
        if (observation.status().equals(Optional.of(OrderStatus.PENDING))) {
            found.add(Anomaly.INTERMEDIATE_STATE);
        }
        if (observation.status().equals(Optional.of(OrderStatus.APPROVED))
                && finalStatus.equals(Optional.of(OrderStatus.APPROVED))
                && !(observation.reservation() && observation.payment())) {
            found.add(Anomaly.NON_ATOMIC_COMMIT);
        }
        if (observation.view().filter(Observation.ViewRead::stale).isPresent()) {
            found.add(Anomaly.STALE_READ);
        }
        return found;
    }

    public static ProbeReport classify(List<Observation> observations, Map<String, OrderStatus> finalStatuses) {
        Map<Anomaly, Long> counts = new EnumMap<>(Anomaly.class);
        Map<Anomaly, String> examples = new LinkedHashMap<>();
        for (Observation observation : observations) {
            Optional<OrderStatus> outcome = Optional.ofNullable(finalStatuses.get(observation.orderId()));
            for (Anomaly anomaly : anomalies(observation, outcome)) {
                counts.merge(anomaly, 1L, Long::sum);
                examples.putIfAbsent(anomaly, example(observation, outcome));
            }
        }
        return new ProbeReport(observations.size(), counts, examples);
    }

    private static String example(Observation o, Optional<OrderStatus> outcome) {
        return "order " + o.orderId() + " read as " + o.status().map(Enum::name).orElse("absent")
                + (o.reservation() ? ", stock reserved" : ", no stock reserved")
                + (o.payment() ? ", payment confirmed" : ", no payment")
                + o.view().map(AnomalyClassifier::describe).orElse("") + "; it ended "
                + outcome.map(Enum::name).orElse("absent");
    }

    private static String describe(Observation.ViewRead view) {
        return ", its summary " + (view.viewVersion() == 0 ? "absent" : "at version " + view.viewVersion() + " ("
                + view.viewStatus().map(Enum::name).orElse("?") + ")") + " while its stream was at version "
                + view.streamVersion();
    }
}
