package dev.txlab.domain.service;

import java.util.UUID;

/** Source of surrogate row ids (authorizations, shopping lists, payments); injectable for tests. */
@FunctionalInterface
public interface Ids {
    Ids RANDOM_UUIDS = () -> UUID.randomUUID().toString();

    String next();
}
