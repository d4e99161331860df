package dev.txlab.domain.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the payments service keeps a customer's account: {@code state}, a row whose balance is locked and
 * updated in place (the default), or {@code event-sourced}, its stream of events (opened, debited,
 * credited) from which the balance is replayed, from the latest snapshot when snapshots are on.
 */
public enum AccountsModel {
    STATE,
    EVENT_SOURCED;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static AccountsModel parse(String text) {
        for (AccountsModel model : values()) {
            if (model.id().equalsIgnoreCase(text.trim())) {
                return model;
            }
        }
        throw new IllegalArgumentException("unknown accounts model '" + text + "'; expected one of "
                + Arrays.stream(values()).map(AccountsModel::id).collect(Collectors.joining(", ")));
    }
}
