package dev.txlab.harness.workload;

import java.util.List;
import java.util.Map;

/** The data a run starts from: customers, their account balances and the products with their stock. */
public record InitialState(List<Customer> customers, Map<String, Long> balancesCents, List<Product> products) {

    public record Customer(String customerId, String name, boolean enabled) {
    }

    public record Product(String sku, String name, long priceCents, long stock) {
    }

    public InitialState {
        customers = List.copyOf(customers);
        balancesCents = Map.copyOf(balancesCents);
        products = List.copyOf(products);
    }

    public long totalMoneyCents() {
        return balancesCents.values().stream().mapToLong(Long::longValue).reduce(0L, Math::addExact);
    }

    public long totalStock() {
        return products.stream().mapToLong(Product::stock).reduce(0L, Math::addExact);
    }
}
