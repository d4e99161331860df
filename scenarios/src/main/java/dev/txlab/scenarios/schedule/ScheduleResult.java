package dev.txlab.scenarios.schedule;

import dev.txlab.harness.cost.MessageCounts;

import java.util.List;

/**
 * What one schedule did: whether its crash fired, the messages counted before it ended or halted and
 * in recovery (the message faults that fired, the consumers' batches), the invariant violations the
 * audit found after recovery (with what recovery left), the time from the start of recovery until
 * the audit, or why it could not run.
 */
public record ScheduleResult(long seed, String implementation, String schedule, boolean crashed, MessageCounts messages,
                             List<String> violations, double recoverySeconds, String error) {

    public ScheduleResult {
        violations = violations == null ? List.of() : List.copyOf(violations);
        messages = messages == null ? MessageCounts.NONE : messages;
    }

    public boolean passed() {
        return error == null && violations.isEmpty();
    }
}
