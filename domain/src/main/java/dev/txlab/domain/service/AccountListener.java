package dev.txlab.domain.service;

/**
 * What the event-sourced accounts tell: an append that found its version taken by another writer (the
 * transaction is then retried from the reload), and a snapshot that could not be used (the whole
 * stream was replayed instead).
 */
public interface AccountListener {
    AccountListener NONE = new AccountListener() {
    };

    default void versionTaken(String customerId) {
    }

    default void snapshotNotUsed(String warning) {
    }
}
