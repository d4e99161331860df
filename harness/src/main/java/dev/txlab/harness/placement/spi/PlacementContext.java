package dev.txlab.harness.placement.spi;

import dev.txlab.domain.model.OrderEvent;
import dev.txlab.domain.model.OrdersModel;
import dev.txlab.domain.service.AccountKeeping;
import dev.txlab.domain.service.AppendListener;
import dev.txlab.domain.service.Ids;
import dev.txlab.domain.service.OrderServices;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.domain.trace.StepTrace;
import dev.txlab.harness.fault.CrashPoints;
import dev.txlab.harness.fault.FaultPlan;
import dev.txlab.harness.fault.AppendFaults;
import dev.txlab.harness.network.NetworkProfile;
import dev.txlab.harness.placement.TmSettings;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.store.Stores;

import java.time.Clock;
import java.util.Set;

/**
 * What an implementation is built from: the open stores, a clock, the run's fault plan and its armed
 * crash points, the trace, the number of concurrent callers (pool sizes follow it), the transaction
 * manager's settings, the transport's, the simulated network (the JDBC part is already in the
 * stores; message hops are the implementation's to delay), how the orders service keeps an order,
 * whether this is a fresh run (false: a recovery that must keep what the killed run left in its
 * logs and brokers), who else hears of the event-sourced orders service's appends (the read
 * models' commit stamps), and how the payments service keeps accounts.
 */
public record PlacementContext(Stores stores, Clock clock, FaultPlan faults, CrashPoints crashPoints, StepTrace trace,
                               int concurrency, TmSettings tm, TransportSettings transport, NetworkProfile network,
                               OrdersModel ordersModel, boolean fresh, AppendListener appends,
                               AccountKeeping accounts) {

    /** The four services, the orders service of this run's model. */
    public OrderServices services() {
        return services(Set.of());
    }

    /**
     * The four services, the orders service of this run's model publishing its events of those types
     * itself when the model is event-sourced (see {@link dev.txlab.domain.service.OrdersService#of}),
     * its appends under the fault plan ({@link AppendFaults}) and heard of by {@code appends}.
     */
    public OrderServices services(Set<OrderEvent.Type> published) {
        return OrderServices.create(ordersModel, clock, Ids.TIME_ORDERED, published, new AppendFaults(crashPoints,
                stores.dataSource(ServiceName.ORDERS), faults.secondWriterEvery()).andThen(appends), accounts);
    }
}
