package dev.txlab.domain.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the orders service keeps an order: {@code state}, a row updated in place (the default), or
 * {@code event-sourced}, its stream of events (created, then approved or rejected) from which its
 * state is replayed.
 */
public enum OrdersModel {
    STATE,
    EVENT_SOURCED;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static OrdersModel parse(String text) {
        for (OrdersModel model : values()) {
            if (model.id().equalsIgnoreCase(text.trim())) {
                return model;
            }
        }
        throw new IllegalArgumentException("unknown orders model '" + text + "'; expected one of "
                + Arrays.stream(values()).map(OrdersModel::id).collect(Collectors.joining(", ")));
    }
}
