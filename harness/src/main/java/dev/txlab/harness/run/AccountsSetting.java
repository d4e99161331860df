package dev.txlab.harness.run;

import dev.txlab.domain.model.AccountsModel;

import java.util.Objects;

/**
 * How a run's payments service keeps accounts, as a command line chooses it: the model and, for
 * event-sourced accounts, a snapshot every {@code snapshotEvery} events (0: none).
 */
public record AccountsSetting(AccountsModel model, int snapshotEvery) {
    /** Accounts as rows (the default). */
    public static final AccountsSetting STATE = new AccountsSetting(AccountsModel.STATE, 0);

    public AccountsSetting {
        Objects.requireNonNull(model, "model");
        if (snapshotEvery < 0) {
            throw new IllegalArgumentException("--snapshot-every must be 0 (no snapshot) or more, was "
                    + snapshotEvery);
        }
        if (snapshotEvery > 0 && model != AccountsModel.EVENT_SOURCED) {
            throw new IllegalArgumentException("--snapshot-every snapshots event-sourced accounts; add "
                    + "--accounts-model " + AccountsModel.EVENT_SOURCED.id());
        }
    }

    /** The setting the flags name: {@code --accounts-model} and {@code --snapshot-every}. */
    public static AccountsSetting parse(String model, int snapshotEvery) {
        return new AccountsSetting(AccountsModel.parse(model), snapshotEvery);
    }

    /** In words: "state", or "event-sourced, a snapshot every N events" / "event-sourced, no snapshot". */
    public String describe() {
        if (model == AccountsModel.STATE) {
            return model.id();
        }
        return model.id() + ", " + (snapshotEvery == 0 ? "no snapshot" : "a snapshot every " + snapshotEvery
                + " events of an account");
    }
}
