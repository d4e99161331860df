package dev.txlab.domain.service;

/** Source of surrogate row ids (authorizations, shopping lists, payments) and message ids; injectable for tests. */
@FunctionalInterface
public interface Ids {
    /** Ids that sort by creation time ({@link TimeOrderedUuids}): what every run uses. */
    Ids TIME_ORDERED = new TimeOrderedUuids();

    String next();
}
