package dev.txlab.scenarios;

import dev.txlab.domain.model.OrdersModel;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.run.AccountsSetting;
import dev.txlab.harness.run.RunOptions;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where scenarios run: the store kind, the sagas' broker (at its default URL), the data folder, a
 * database prefix per scenario and implementation, how the orders service keeps its orders and the
 * payments service its accounts.
 */
public record ScenarioContext(StoreKind store, TransportSettings.Kind transport, Path dataDir, Clock clock,
                              OrdersModel ordersModel, AccountsSetting accounts) {
    /** A context whose accounts are rows. */
    public ScenarioContext(StoreKind store, TransportSettings.Kind transport, Path dataDir, Clock clock,
                           OrdersModel ordersModel) {
        this(store, transport, dataDir, clock, ordersModel, AccountsSetting.STATE);
    }

    /** Connections per database for recovery and the audit (a run sizes its own pools for its callers). */
    static final int POOL_SIZE = 16;

    /**
     * Where a context points, for a child JVM's request: store, transport, data folder, orders and
     * accounts models (its clock is the system's).
     */
    public record Where(StoreKind store, TransportSettings.Kind transport, String dataDir, OrdersModel ordersModel,
                        AccountsSetting accounts) {
        /** The context in the child: the system clock. */
        public ScenarioContext context() {
            return new ScenarioContext(store, transport, Path.of(dataDir), Clock.systemUTC(), ordersModel, accounts);
        }
    }

    /** Where this context points, to hand to a child JVM. */
    public Where where() {
        return new Where(store, transport, dataDir.toString(), ordersModel, accounts);
    }

    /** A run's options in this context: its clock, broker, orders and accounts models; the rest the scenario's. */
    public RunOptions.Builder runOptions(StoreConfig store, ImplementationId implementation) {
        return RunOptions.builder(store, implementation).clock(clock).transport(transportSettings())
                .ordersModel(ordersModel).accounts(accounts);
    }

    /** The store configuration of one scenario on one implementation: a prefix of its own. */
    public StoreConfig storeFor(String scenarioId, ImplementationId implementation) {
        return storeFor(prefix(scenarioId, implementation));
    }

    /** The store configuration under a given database prefix. */
    public StoreConfig storeFor(String prefix) {
        return StoreConfig.builder().allServices(store).dataDir(dataDir).prefix(prefix).poolSize(POOL_SIZE).build();
    }

    /** The sagas' transport settings: the broker at its default URL. */
    public TransportSettings transportSettings() {
        return transport == TransportSettings.Kind.NATS ? TransportSettings.nats(TransportSettings.DEFAULT_NATS_URL)
                : TransportSettings.ofDefaults();
    }

    /**
     * {@code f_<scenario>_<implementation>}: the scenario id without dashes, cut to 20 characters, and
     * the implementation's initials, so the prefix stays within the 31 characters a prefix may have.
     */
    static String prefix(String scenarioId, ImplementationId implementation) {
        String scenario = scenarioId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String initials = Arrays.stream(implementation.id().split("-")).map(part -> part.substring(0, 1))
                .collect(Collectors.joining());
        return "f_" + scenario.substring(0, Math.min(scenario.length(), 20)) + "_" + initials;
    }
}
