package dev.txlab.domain.service;

import dev.txlab.domain.model.AccountsModel;

import java.util.Objects;

/**
 * How the payments service keeps customers' accounts: the model, a snapshot every {@code snapshotEvery}
 * events of an event-sourced account (0: none), and who hears of its version conflicts and of snapshots
 * it could not use.
 */
public record AccountKeeping(AccountsModel model, int snapshotEvery, AccountListener listener) {
    /** Accounts as rows (the default). */
    public static final AccountKeeping STATE = new AccountKeeping(AccountsModel.STATE, 0, AccountListener.NONE);

    public AccountKeeping {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(listener, "listener");
        if (snapshotEvery < 0) {
            throw new IllegalArgumentException("--snapshot-every must be 0 (no snapshot) or more, was " + snapshotEvery);
        }
    }
}
