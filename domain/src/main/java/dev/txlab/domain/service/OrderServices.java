package dev.txlab.domain.service;

import dev.txlab.domain.model.OrdersModel;

import java.time.Clock;

/** The four services, built once with the same clock and id source. */
public record OrderServices(OrdersService orders, CustomersService customers, DepotService depot,
                            PaymentsService payments) {

    /** The services with the orders service of the given model. */
    public static OrderServices create(OrdersModel model, Clock clock, Ids ids) {
        return new OrderServices(OrdersService.of(model, clock), new CustomersService(clock, ids),
                new DepotService(clock, ids), new PaymentsService(clock, ids));
    }
}
