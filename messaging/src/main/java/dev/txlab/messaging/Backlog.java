package dev.txlab.messaging;

import dev.txlab.harness.audit.Invariant;
import dev.txlab.harness.audit.Violation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a broker still holds of a run once it has stopped: per consumer group and destination, the
 * messages the group has not acknowledged (not yet delivered, or delivered and not acked), and the
 * dead letters apart. After quiescence or recovery an unacknowledged message is work the run left
 * undone (an I3 leftover: {@code txlab recover} delivers it); a dead letter is a message no handler
 * could take, kept with its reason, and is counted on its own, not as a leftover.
 *
 * @param broker         the broker, as printed
 * @param unacknowledged messages not acknowledged, by {@code destination::group}; only groups with any
 * @param deadLetters    messages in the dead-letter destinations
 * @param notInspected   why the broker could not be looked at, when it could not (then the counts are empty)
 */
public record Backlog(String broker, Map<String, Long> unacknowledged, long deadLetters,
                      Optional<String> notInspected) {

    public Backlog {
        unacknowledged = new TreeMap<>(unacknowledged);
    }

    public static Backlog of(String broker, Map<String, Long> unacknowledged, long deadLetters) {
        Map<String, Long> nonZero = new TreeMap<>();
        unacknowledged.forEach((group, count) -> {
            if (count > 0) {
                nonZero.put(group, count);
            }
        });
        return new Backlog(broker, nonZero, deadLetters, Optional.empty());
    }

    public static Backlog notInspected(String broker, String why) {
        return new Backlog(broker, Map.of(), 0, Optional.of("the " + broker + " was not inspected: " + why));
    }

    /** Each consumer group's unacknowledged messages as an I3 leftover. */
    public List<Violation> leftovers() {
        return unacknowledged.entrySet().stream().map(entry -> new Violation(Invariant.I3_NO_LEFTOVERS, entry.getKey(),
                entry.getValue() + " messages on " + broker + " not acknowledged by the consumer group")).toList();
    }
}
