package dev.txlab.harness.run;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.placement.spi.PlacementProvider;
import dev.txlab.harness.placement.spi.ResourceNeeds;
import dev.txlab.harness.store.DatabaseLocation;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks, before a run resets or places anything, that every database server it uses can give it
 * what it will take: the connections of every pool on every database, and for XA the branches its
 * callers can hold prepared at once and the rights a transaction manager's recovery needs. A run
 * that cannot fit stops with one line naming the setting, its value, the need and the fix; a sweep
 * over callers is capped at what fits.
 */
public final class Preflight {
    private final PlacementProvider provider;
    private final Map<StoreKind, Server> servers;

    /** One server the run uses: its limits, the run's databases on it, and whether the orders database is one. */
    record Server(ServerLimits limits, int databases, boolean holdsOrders) {
    }

    Preflight(PlacementProvider provider, Map<StoreKind, Server> servers) {
        this.provider = provider;
        this.servers = servers;
    }

    /** Reads the limits of the servers the configuration's databases for this implementation are on. */
    public static Preflight of(StoreConfig config, PlacementProvider provider) {
        Map<StoreKind, List<DatabaseLocation>> onServers = new EnumMap<>(StoreKind.class);
        Map<String, DatabaseLocation> databases = new LinkedHashMap<>();
        for (ServiceName service : ServiceName.values()) {
            DatabaseLocation location = config.location(service, provider.topology());
            databases.putIfAbsent(location.name(), location);
        }
        databases.values().stream().filter(location -> location.kind().isServer())
                .forEach(location -> onServers.computeIfAbsent(location.kind(), kind -> new ArrayList<>()).add(location));
        boolean xa = provider.needs(1).preparesXaBranches();
        String orders = config.location(ServiceName.ORDERS, provider.topology()).name();
        Map<StoreKind, Server> servers = new EnumMap<>(StoreKind.class);
        onServers.forEach((kind, locations) -> servers.put(kind, new Server(ServerLimits.read(config, locations.get(0),
                locations.stream().map(DatabaseLocation::name).toList(), xa), locations.size(),
                locations.stream().anyMatch(location -> location.name().equals(orders)))));
        return new Preflight(provider, servers);
    }

    /** Stops a run of {@code callers} that a server cannot serve, with one line saying why and how to fix it. */
    public void check(int callers) {
        Optional<String> problem = problem(callers);
        if (problem.isPresent()) {
            throw new PreflightFailedException(problem.get() + fitHint(callers));
        }
    }

    /**
     * The most callers, up to {@code wanted}, that every server can serve, and what capped it (the
     * setting and its value) when fewer than wanted; zero callers when not even one fits.
     */
    public CallerLimit callerLimit(int wanted) {
        Optional<String> cap = servers.values().stream().flatMap(server -> limitingSetting(server, wanted).stream())
                .findFirst();
        return new CallerLimit(mostCallersFitting(wanted), cap);
    }

    /** How many callers a sweep may use, and the server setting that capped it below what was wanted. */
    public record CallerLimit(int callers, Optional<String> cappedBy) {
    }

    private int mostCallersFitting(int wanted) {
        for (int callers = wanted; callers >= 1; callers--) {
            if (problem(callers).isEmpty()) {
                return callers;
            }
        }
        return 0;
    }

    private String fitHint(int callers) {
        int fitting = mostCallersFitting(callers);
        return fitting > 0 ? "; or lower --concurrency (at most " + fitting + " callers fit)" : "";
    }

    private Optional<String> problem(int callers) {
        for (Server server : servers.values()) {
            Optional<String> xa = xaRightsProblem(server);
            if (xa.isPresent()) {
                return xa;
            }
            Optional<String> prepared = preparedProblem(server, callers);
            if (prepared.isPresent()) {
                return prepared;
            }
            Optional<String> connections = connectionsProblem(server, callers);
            if (connections.isPresent()) {
                return connections;
            }
        }
        return Optional.empty();
    }

    private Optional<String> limitingSetting(Server server, int callers) {
        if (xaRightsProblem(server).isPresent()) {
            return Optional.of("XA rights of the user on " + server.limits().server());
        }
        if (preparedProblem(server, callers).isPresent()) {
            return Optional.of("max_prepared_transactions (" + server.limits().maxPrepared() + ") of "
                    + server.limits().server());
        }
        if (connectionsProblem(server, callers).isPresent()) {
            return Optional.of("max_connections (" + server.limits().maxConnections() + ", "
                    + server.limits().connectionsInUse() + " in use) of " + server.limits().server());
        }
        return Optional.empty();
    }

    private Optional<String> xaRightsProblem(Server server) {
        return server.limits().xaRefusal().map(refusal -> server.limits().server() + ": the user " + refusal + ", which "
                + provider.id() + "'s transaction manager needs to recover its branches; fix: grant it the XA "
                + "rights this server version asks for (e.g. GRANT XA_RECOVER_ADMIN or SUPER), or use another user "
                + "(--mariadb-user)");
    }

    private Optional<String> preparedProblem(Server server, int callers) {
        ResourceNeeds needs = provider.needs(callers);
        if (!needs.preparesXaBranches() || server.limits().kind() != StoreKind.POSTGRES) {
            return Optional.empty();
        }
        int perCallers = callers * needs.preparedBranchesPerCaller() * server.databases();
        int background = needs.preparedBranchesPerCaller() * server.databases();
        int needed = perCallers + background + server.limits().preparedByOthers();
        if (needed <= server.limits().maxPrepared()) {
            return Optional.empty();
        }
        return Optional.of(server.limits().server() + " has max_prepared_transactions = "
                + server.limits().maxPrepared() + ", but " + provider.id() + " with " + callers + " callers can hold "
                + needed + " XA branches prepared there at once (" + callers + " callers x " + server.databases()
                + " databases, " + background + " more left to a transaction manager's background phase 2, "
                + server.limits().preparedByOthers() + " held now by other runs); fix: ALTER SYSTEM SET "
                + "max_prepared_transactions = " + needed + ", then restart the server");
    }

    private Optional<String> connectionsProblem(Server server, int callers) {
        ResourceNeeds needs = provider.needs(callers);
        int others = server.databases() - (server.holdsOrders() ? 1 : 0);
        int needed = (server.holdsOrders() ? needs.connections(true) : 0) + others * needs.connections(false);
        if (needed <= server.limits().connectionsFree()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (server.holdsOrders()) {
            parts.add("a pool of " + needs.ordersPool() + " on the orders database");
        }
        if (others > 0) {
            parts.add("a pool of " + needs.otherPool() + " on each of " + others + " other databases");
        }
        if (needs.ownConnections() > 0) {
            parts.add(needs.ownConnections() + " of the transaction manager on each");
        }
        return Optional.of(server.limits().server() + " has max_connections = " + server.limits().maxConnections()
                + " with " + server.limits().connectionsInUse() + " in use, so " + server.limits().connectionsFree()
                + " are free for this user, but " + provider.id() + " with " + callers + " callers can open " + needed
                + " (" + String.join(", ", parts) + "); fix: raise max_connections and restart the server"
                + (server.limits().connectionsInUse() > 0 ? ", or end some of the other clients" : ""));
    }
}
