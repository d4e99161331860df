package dev.txlab.cli;

import dev.txlab.domain.workload.WorkloadSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The flags that shape the workload; every one defaults to {@link WorkloadSpec}'s constant. */
final class WorkloadOptions {
    @Option(names = "--orders", defaultValue = "10000", description = "orders to place (default: ${DEFAULT-VALUE})")
    int orders;

    @Mixin
    WorkloadMixOptions mix;

    @Option(names = "--customers", defaultValue = "1000", description = "regular customers (default: ${DEFAULT-VALUE})")
    int customers;

    @Option(names = "--products", defaultValue = "100", description = "products (default: ${DEFAULT-VALUE})")
    int products;

    @Option(names = "--max-items", defaultValue = "3", description = "most lines per order (default: ${DEFAULT-VALUE})")
    int maxItems;

    @Option(names = "--max-quantity", defaultValue = "3", description = "most units per line (default: ${DEFAULT-VALUE})")
    int maxQuantity;

    @Option(names = "--stock", defaultValue = "0",
            description = "initial stock per product; 0 = ample, i.e. a conflict-free workload (default: ${DEFAULT-VALUE})")
    long stock;

    @Option(names = "--balance-cents", defaultValue = "0",
            description = "initial balance per customer in cents; 0 = ample (default: ${DEFAULT-VALUE})")
    long balanceCents;

    WorkloadSpec toSpec() {
        return mix.applyTo(WorkloadSpec.builder())
                .orders(orders)
                .customers(customers)
                .products(products)
                .maxItemsPerOrder(maxItems)
                .maxQuantity(maxQuantity)
                .initialStock(stock)
                .initialBalanceCents(balanceCents)
                .build();
    }
}
