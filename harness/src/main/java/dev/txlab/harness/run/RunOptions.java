package dev.txlab.harness.run;

import dev.txlab.domain.model.OrdersModel;
import dev.txlab.domain.service.AccountKeeping;
import dev.txlab.domain.service.AccountListener;
import dev.txlab.domain.service.AppendListener;
import dev.txlab.domain.trace.StepTrace;
import dev.txlab.harness.fault.CrashPoints;
import dev.txlab.harness.fault.FaultPlan;
import dev.txlab.harness.network.NetworkProfile;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TmSettings;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.placement.spi.PlacementContext;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.Stores;
import dev.txlab.harness.workload.WorkloadSpec;

import java.time.Clock;
import java.util.Objects;

/**
 * Everything a run is made of: where, what, how many callers, which faults, which clock, the
 * settings of its transaction manager, transport and simulated network, how the orders service
 * keeps an order, and how the payments service keeps accounts (with a snapshot every N events of an
 * event-sourced account; 0: none).
 */
public record RunOptions(StoreConfig store, ImplementationId implementation, WorkloadSpec workload,
                         int concurrency, FaultPlan faults, Clock clock, TmSettings tm, TransportSettings transport,
                         NetworkProfile network, OrdersModel ordersModel, AccountsSetting accounts) {
    public RunOptions {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(implementation, "implementation");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(tm, "tm");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(ordersModel, "ordersModel");
        Objects.requireNonNull(accounts, "accounts");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
    }

    /**
     * What the implementation is built from for these options: the open stores, the fault plan with
     * its crash points armed, the trace, and whether the run is fresh (false: a recovery or a second
     * instance, which keep what earlier processes left in logs and brokers).
     */
    public PlacementContext placementContext(Stores stores, StepTrace trace, boolean fresh) {
        return placementContext(stores, trace, fresh, AppendListener.NONE, AccountListener.NONE);
    }

    /**
     * The context of this run's placement, whose orders service's appends {@code appends} hears of too,
     * and whose event-sourced accounts tell {@code accountListener} of their conflicts and snapshots not used.
     */
    public PlacementContext placementContext(Stores stores, StepTrace trace, boolean fresh, AppendListener appends,
                                             AccountListener accountListener) {
        return new PlacementContext(stores, clock, faults, CrashPoints.of(faults), trace, concurrency, tm, transport,
                network, ordersModel, fresh, appends, new AccountKeeping(accounts.model(), accounts.snapshotEvery(),
                accountListener));
    }

    /** Options for a run of {@code implementation} on {@code store}; every other setting has a default. */
    public static Builder builder(StoreConfig store, ImplementationId implementation) {
        return new Builder(store, implementation);
    }

    /**
     * Builds {@link RunOptions}: the workload's defaults, one caller, no fault, the system clock, the
     * TM's and transport's defaults, no simulated network, the {@code state} orders and accounts models
     * (no snapshot), unless set.
     */
    public static final class Builder {
        private final StoreConfig store;
        private final ImplementationId implementation;
        private WorkloadSpec workload = WorkloadSpec.ofDefaults();
        private int callers = 1;
        private FaultPlan faults = FaultPlan.NONE;
        private Clock clock = Clock.systemUTC();
        private TmSettings tm = TmSettings.ofDefaults();
        private TransportSettings transport = TransportSettings.ofDefaults();
        private NetworkProfile network = NetworkProfile.NONE;
        private OrdersModel ordersModel = OrdersModel.STATE;
        private AccountsSetting accounts = AccountsSetting.STATE;

        private Builder(StoreConfig store, ImplementationId implementation) {
            this.store = store;
            this.implementation = implementation;
        }

        public Builder workload(WorkloadSpec value) {
            workload = value;
            return this;
        }

        /** Concurrent callers (the run's pools are sized for them). */
        public Builder callers(int value) {
            callers = value;
            return this;
        }

        public Builder faults(FaultPlan value) {
            faults = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder tm(TmSettings value) {
            tm = value;
            return this;
        }

        public Builder transport(TransportSettings value) {
            transport = value;
            return this;
        }

        public Builder network(NetworkProfile value) {
            network = value;
            return this;
        }

        public Builder ordersModel(OrdersModel value) {
            ordersModel = value;
            return this;
        }

        /** Accounts as the setting says: its model and snapshot interval. */
        public Builder accounts(AccountsSetting value) {
            accounts = value;
            return this;
        }

        public RunOptions build() {
            return new RunOptions(store, implementation, workload, callers, faults, clock, tm, transport, network,
                    ordersModel, accounts);
        }
    }
}
