package dev.txlab.cli;

import dev.txlab.domain.workload.WorkloadSpec;
import picocli.CommandLine.Option;

/** The flags that shape the workload; every one defaults to {@link WorkloadSpec}'s constant. */
final class WorkloadOptions {
    @Option(names = "--orders", defaultValue = "10000", description = "orders to place (default: ${DEFAULT-VALUE})")
    int orders;

    @Option(names = "--seed", defaultValue = "42", description = "workload seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--customers", defaultValue = "1000", description = "regular customers (default: ${DEFAULT-VALUE})")
    int customers;

    @Option(names = "--products", defaultValue = "100", description = "products (default: ${DEFAULT-VALUE})")
    int products;

    @Option(names = "--max-items", defaultValue = "3", description = "most lines per order (default: ${DEFAULT-VALUE})")
    int maxItems;

    @Option(names = "--max-quantity", defaultValue = "3", description = "most units per line (default: ${DEFAULT-VALUE})")
    int maxQuantity;

    @Option(names = "--skew", defaultValue = "1.0",
            description = "Zipf exponent over products: 0 uniform, higher = hotter products (default: ${DEFAULT-VALUE})")
    double skew;

    @Option(names = "--refusal-rate", defaultValue = "0.02",
            description = "rate of each business refusal: unknown customer, disabled customer, out of stock, "
                    + "insufficient funds (default: ${DEFAULT-VALUE} each)")
    double refusalRate;

    @Option(names = "--stock", defaultValue = "0",
            description = "initial stock per product; 0 = ample, i.e. a conflict-free workload (default: ${DEFAULT-VALUE})")
    long stock;

    @Option(names = "--balance-cents", defaultValue = "0",
            description = "initial balance per customer in cents; 0 = ample (default: ${DEFAULT-VALUE})")
    long balanceCents;

    WorkloadSpec toSpec() {
        return WorkloadSpec.builder()
                .orders(orders)
                .seed(seed)
                .customers(customers)
                .products(products)
                .maxItemsPerOrder(maxItems)
                .maxQuantity(maxQuantity)
                .skew(skew)
                .refusalRate(refusalRate)
                .initialStock(stock)
                .initialBalanceCents(balanceCents)
                .build();
    }
}
