package dev.txlab.saga.orch;

import dev.txlab.domain.service.ServiceName;

import java.util.Objects;

/** A command the coordinator sends to a participant: who handles it and its type. */
public record Command(ServiceName participant, String type) {
    public Command {
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(type, "type");
    }
}
