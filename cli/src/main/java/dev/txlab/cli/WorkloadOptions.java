package dev.txlab.cli;

import dev.txlab.harness.workload.WorkloadSpec;
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
        Flags.require(orders >= 1, "--orders must be at least 1, was " + orders);
        return toSpec(orders);
    }

    /** The workload with {@code count} orders instead of {@code --orders} (an open loop's rate x duration). */
    WorkloadSpec toSpec(int count) {
        Flags.require(customers >= 1, "--customers must be at least 1, was " + customers);
        Flags.require(maxItems >= 1, "--max-items must be at least 1, was " + maxItems);
        Flags.require(products >= maxItems, "--products (" + products + ") must be at least --max-items (" + maxItems
                + ")");
        Flags.require(maxQuantity >= 1, "--max-quantity must be at least 1, was " + maxQuantity);
        Flags.require(stock >= 0, "--stock must not be negative (0 = ample), was " + stock);
        Flags.require(balanceCents >= 0, "--balance-cents must not be negative (0 = ample), was " + balanceCents);
        return mix.applyTo(WorkloadSpec.builder())
                .orders(count)
                .customers(customers)
                .products(products)
                .maxItemsPerOrder(maxItems)
                .maxQuantity(maxQuantity)
                .initialStock(stock)
                .initialBalanceCents(balanceCents)
                .build();
    }
}
