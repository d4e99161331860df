package dev.txlab.cli.compare;

import dev.txlab.domain.trace.StepEvent;
import dev.txlab.domain.trace.StepTrace;
import dev.txlab.report.ImplementationResult.Timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Picks one order of the step trace (the orders traced since the phase began sampling), the one that
 * visited the most services, and lays its steps out in time, saying which phase it was sampled in.
 */
final class SampleTimeline {
    private SampleTimeline() {
    }

    static Timeline of(StepTrace trace, String phase) {
        Map<String, List<StepEvent>> byOrder = trace.events().stream()
                .collect(Collectors.groupingBy(StepEvent::orderId));
        return byOrder.values().stream()
                .max(Comparator.<List<StepEvent>>comparingLong(steps -> steps.stream().map(StepEvent::service)
                        .distinct().count()).thenComparingInt(List::size))
                .map(steps -> laidOut(steps, phase))
                .orElse(null);
    }

    private static Timeline laidOut(List<StepEvent> steps, String phase) {
        Instant first = steps.stream().map(StepEvent::start).min(Comparator.naturalOrder()).orElseThrow();
        return new Timeline(steps.get(0).orderId(), steps.stream()
                .sorted(Comparator.comparing(StepEvent::start))
                .map(step -> new Timeline.Step(step.service().id(), step.step(), micros(first, step.start()),
                        micros(first, step.end())))
                .toList(), phase);
    }

    private static long micros(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1000;
    }
}
