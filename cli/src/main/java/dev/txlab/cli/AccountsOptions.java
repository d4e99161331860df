package dev.txlab.cli;

import dev.txlab.harness.run.AccountsSetting;
import picocli.CommandLine.Option;

/** How the payments service keeps accounts, shared by {@code txlab run}, {@code compare} and {@code faults}. */
final class AccountsOptions {
    @Option(names = "--accounts-model", paramLabel = "state|event-sourced", defaultValue = "state",
            description = "how the payments service keeps a customer's account: a row locked and updated, or its "
                    + "stream of events (opened, debited, credited) replayed for its balance (default: "
                    + "${DEFAULT-VALUE})")
    String accountsModel;

    @Option(names = "--snapshot-every", paramLabel = "N", defaultValue = "0",
            description = "with --accounts-model event-sourced, a snapshot of an account every N of its events, "
                    + "loading from the latest; 0: none (default: ${DEFAULT-VALUE})")
    int snapshotEvery;

    AccountsSetting toSetting() {
        return AccountsSetting.parse(accountsModel, snapshotEvery);
    }
}
