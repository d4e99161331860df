package dev.txlab.domain.service;

import dev.txlab.domain.model.OrderEvent;
import dev.txlab.domain.model.OrdersModel;

import java.time.Clock;
import java.util.Set;

/** The four services, built once with the same clock and id source. */
public record OrderServices(OrdersService orders, CustomersService customers, DepotService depot,
                            PaymentsService payments) {

    /** The services with the orders service of the given model, publishing none of its events itself. */
    public static OrderServices create(OrdersModel model, Clock clock, Ids ids) {
        return create(model, clock, ids, Set.of(), AppendListener.NONE);
    }

    /**
     * The same, the orders service publishing its events of those types and telling {@code appends}
     * of its appends (see {@link OrdersService#of}).
     */
    public static OrderServices create(OrdersModel model, Clock clock, Ids ids, Set<OrderEvent.Type> published,
                                       AppendListener appends) {
        return create(model, clock, ids, published, appends, AccountKeeping.STATE);
    }

    /** The same, the payments service keeping accounts as {@code accounts} says. */
    public static OrderServices create(OrdersModel model, Clock clock, Ids ids, Set<OrderEvent.Type> published,
                                       AppendListener appends, AccountKeeping accounts) {
        return new OrderServices(OrdersService.of(model, clock, published, appends), new CustomersService(clock, ids),
                new DepotService(clock, ids), PaymentsService.of(accounts.model(), clock, ids,
                accounts.snapshotEvery(), accounts.listener()));
    }
}
