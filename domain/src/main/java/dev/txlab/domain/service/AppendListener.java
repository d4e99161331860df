package dev.txlab.domain.service;

import dev.txlab.domain.model.OrderEvent;

import java.sql.SQLException;
import java.util.List;

/**
 * What the event-sourced orders service tells about its appends to the event store: each one before
 * it is made (where a fault plan's second writer races it), and each that found its version taken
 * by another writer (its transaction then fails, and is retried from the replay).
 */
public interface AppendListener {
    AppendListener NONE = new AppendListener() {
    };

    /** The events about to be appended, in the appending transaction (not yet written). */
    default void beforeAppend(List<OrderEvent> events) throws SQLException {
    }

    /** The events could not be appended: another writer appended their version first. */
    default void versionTaken(List<OrderEvent> events) {
    }
}
