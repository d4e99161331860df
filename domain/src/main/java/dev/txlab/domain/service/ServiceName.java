package dev.txlab.domain.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The four participant services; each owns its own database (database-per-service). */
public enum ServiceName {
    ORDERS,
    CUSTOMERS,
    DEPOT,
    PAYMENTS;

    /** Lower-case name used in database names, migration locations and flags. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ServiceName parse(String text) {
        for (ServiceName service : values()) {
            if (service.id().equalsIgnoreCase(text.trim())) {
                return service;
            }
        }
        throw new IllegalArgumentException("unknown service '" + text + "'; expected one of "
                + Arrays.stream(values()).map(ServiceName::id).collect(Collectors.joining(", ")));
    }
}
