package dev.txlab.domain.service;

import dev.txlab.domain.model.OrderEvent;

import java.sql.SQLException;
import java.util.List;

/**
 * What the event-sourced orders service tells about its appends to the event store: each one before
 * it is made (where a fault plan's second writer races it), and each that found its version taken
 * by another writer (its transaction then fails, and is retried from the replay), and each made (in
 * the appending transaction, on its thread, before it commits).
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

    /** The events were appended, in the appending transaction (not yet committed), on its thread. */
    default void appended(List<OrderEvent> events) {
    }

    /** This listener, then {@code next}, hear of every append. */
    default AppendListener andThen(AppendListener next) {
        AppendListener first = this;
        return new AppendListener() {
            @Override
            public void beforeAppend(List<OrderEvent> events) throws SQLException {
                first.beforeAppend(events);
                next.beforeAppend(events);
            }

            @Override
            public void versionTaken(List<OrderEvent> events) {
                first.versionTaken(events);
                next.versionTaken(events);
            }

            @Override
            public void appended(List<OrderEvent> events) {
                first.appended(events);
                next.appended(events);
            }
        };
    }
}
