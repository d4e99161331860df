package dev.txlab.domain.service;

import java.time.Clock;

/** The four services, built once with the same clock and id source. */
public record OrderServices(OrdersService orders, CustomersService customers, DepotService depot,
                            PaymentsService payments) {

    public static OrderServices create(Clock clock, Ids ids) {
        return new OrderServices(new OrdersService(clock), new CustomersService(clock, ids),
                new DepotService(clock, ids), new PaymentsService(clock, ids));
    }
}
