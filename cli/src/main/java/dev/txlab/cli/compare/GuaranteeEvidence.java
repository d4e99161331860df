package dev.txlab.cli.compare;

import dev.txlab.domain.model.OrdersModel;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.run.AccountsSetting;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.scenarios.Catalog;
import dev.txlab.scenarios.FaultMatrix;
import dev.txlab.scenarios.Scenario;
import dev.txlab.scenarios.ScenarioContext;
import dev.txlab.scenarios.ScenarioRunner;
import dev.txlab.scenarios.probe.ProbeRun;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The guarantee evidence a comparison gathers after its measurements: each implementation's
 * isolation probe and (unless {@code crash} is off, as with {@code --quick}) one real crash: a
 * child JVM halts at the implementation's {@link Catalog#slowestRecovery} point, a fresh one
 * recovers, the audit checks. Each runs in a JVM of its own on the comparison's store kind and data
 * folder, under the fault catalog's database prefixes, with the servers and the broker at their
 * default URLs (the catalog's context); a comparison elsewhere (a mix of stores, other URLs) gathers
 * none and says why.
 */
public final class GuaranteeEvidence {
    /** The suite name of a comparison's evidence with a crash. */
    public static final String WITH_CRASH = "compare: the isolation probe and one crash per implementation";
    /** The suite name without: the report reads "no crash" in it as the reason. */
    public static final String PROBE_ONLY = "--quick: the isolation probe only, no crash";

    private final StoreConfig store;
    private final TransportSettings transport;
    private final OrdersModel ordersModel;
    private final AccountsSetting accounts;
    private final boolean crash;

    public GuaranteeEvidence(StoreConfig store, TransportSettings transport, OrdersModel ordersModel, boolean crash) {
        this(store, transport, ordersModel, AccountsSetting.STATE, crash);
    }

    /** The same, the probe's and the crash's runs keeping accounts as {@code accounts} says. */
    public GuaranteeEvidence(StoreConfig store, TransportSettings transport, OrdersModel ordersModel,
                             AccountsSetting accounts, boolean crash) {
        this.store = store;
        this.transport = transport;
        this.ordersModel = ordersModel;
        this.accounts = accounts;
        this.crash = crash;
    }

    /** How many child JVMs {@link #gather} runs for these implementations (for a progress count). */
    public int steps(List<ImplementationId> implementations) {
        return whyNot().isPresent() ? 0 : implementations.size() * (crashes() ? 2 : 1);
    }

    /** What {@link #gather} runs for these implementations, or why nothing, for the report's method. */
    public String describe(List<ImplementationId> implementations) {
        return whyNot().map(why -> "none: " + why).orElseGet(() -> "each implementation's isolation probe ("
                + ProbeRun.describe() + ")" + (crashes() ? " and one crash: " + implementations.stream()
                .map(id -> id.id() + " " + Catalog.slowestRecovery(id).id()).collect(Collectors.joining(", "))
                : ", no crash" + (crash ? " (the in-memory store keeps nothing across one)" : " (--quick)"))
                + "; each in a JVM of its own on " + catalogContext().store().id() + " under the catalog's "
                + "prefixes, sagas on " + transport.kind().id() + " at its default URL");
    }

    /** Why this comparison gathers no evidence, if it does not. */
    public Optional<String> whyNot() {
        List<StoreKind> kinds = Arrays.stream(ServiceName.values()).map(store::kind).distinct().toList();
        if (kinds.size() > 1) {
            return Optional.of("the store is a mix (" + store.describeKinds() + "); the probe and the crash run on "
                    + "one kind: txlab faults --store KIND");
        }
        StoreKind kind = kinds.get(0);
        if (kind.isServer() && !store.endpoint(kind).equals(catalogContext().storeFor("x").endpoint(kind))) {
            return Optional.of("the probe and the crash use the " + kind.id() + " server at its default URL and user, "
                    + "and this comparison's is elsewhere");
        }
        if (!transport.url().equals(catalogContext().transportSettings().url())) {
            return Optional.of("the probe and the crash use the broker at its default URL, and this comparison's is "
                    + "elsewhere");
        }
        return Optional.empty();
    }

    /**
     * The probe of each implementation, then each one's crash; a probe or crash that fails is a
     * cell (or an example) saying so, never thrown.
     */
    public FaultMatrix gather(List<ImplementationId> implementations, ScenarioRunner.Progress progress) {
        ScenarioRunner runner = new ScenarioRunner(catalogContext(), progress);
        FaultMatrix crashes;
        if (crashes()) {
            Map<ImplementationId, Scenario> chosen = new LinkedHashMap<>();
            implementations.forEach(id -> chosen.put(id, Catalog.slowestRecovery(id)));
            crashes = runner.runEach(WITH_CRASH, chosen);
        } else {
            crashes = new FaultMatrix(runner.where(), crash ? "no crash: the in-memory store keeps nothing across "
                    + "one" : PROBE_ONLY, List.of(), Map.of(), Map.of());
        }
        return runner.withProbe(crashes, implementations);
    }

    private boolean crashes() {
        return crash && store.kind(ServiceName.ORDERS) != StoreKind.H2_MEM;
    }

    private ScenarioContext catalogContext() {
        return new ScenarioContext(store.kind(ServiceName.ORDERS), transport.kind(), store.dataDir().toAbsolutePath(),
                Clock.systemUTC(), ordersModel, accounts);
    }
}
