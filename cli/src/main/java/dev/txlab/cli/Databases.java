package dev.txlab.cli;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.store.DatabaseLocation;
import dev.txlab.harness.store.Stores;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The databases a run uses, with their product versions: part of every result's environment. */
final class Databases {
    private Databases() {
    }

    static String describe(Stores stores) {
        Map<String, String> byDatabase = new LinkedHashMap<>();
        for (ServiceName service : ServiceName.values()) {
            DatabaseLocation location = stores.location(service);
            byDatabase.computeIfAbsent(location.name(), name -> stores.serverVersion(service));
        }
        return byDatabase.entrySet().stream().map(entry -> entry.getKey() + " (" + entry.getValue() + ")")
                .collect(Collectors.joining(", "));
    }
}
