package dev.txlab.domain.trace;

import dev.txlab.domain.service.ServiceName;

import java.time.Instant;

/** One step of one order in one service, from start to end. */
public record StepEvent(String orderId, ServiceName service, String step, Instant start, Instant end) {
}
