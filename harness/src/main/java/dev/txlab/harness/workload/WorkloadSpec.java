package dev.txlab.harness.workload;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parameters of a workload. A stock or balance of 0 means "ample": large enough that no order
 * can be refused because of what other orders did first, which makes the workload conflict-free
 * (docs/design.md): then every refusal depends on the order alone.
 */
public record WorkloadSpec(long seed, int orders, int customers, int products, int maxItemsPerOrder,
                           int maxQuantity, double skew, double unknownCustomerRate,
                           double disabledCustomerRate, double outOfStockRate, double insufficientFundsRate,
                           long initialStock, long initialBalanceCents, double customerSkew) {

    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_ORDERS = 10_000;
    public static final int DEFAULT_CUSTOMERS = 1_000;
    public static final int DEFAULT_PRODUCTS = 100;
    public static final int DEFAULT_MAX_ITEMS = 3;
    public static final int DEFAULT_MAX_QUANTITY = 3;
    public static final double DEFAULT_SKEW = 1.0;
    public static final double DEFAULT_REFUSAL_RATE = 0.02;
    public static final long AMPLE = 0;

    public WorkloadSpec {
        require(orders >= 0, "orders must not be negative, was " + orders);
        require(customers >= 1, "customers must be at least 1, was " + customers);
        require(maxItemsPerOrder >= 1, "max items per order must be at least 1, was " + maxItemsPerOrder);
        require(products >= maxItemsPerOrder, "products (" + products + ") must be at least max items per order ("
                + maxItemsPerOrder + ")");
        require(maxQuantity >= 1, "max quantity must be at least 1, was " + maxQuantity);
        require(skew >= 0 && Double.isFinite(skew), "skew must be a finite number >= 0 (0 = uniform), was " + skew);
        require(customerSkew >= 0 && Double.isFinite(customerSkew), "customer skew must be a finite number >= 0 "
                + "(0 = uniform), was " + customerSkew);
        rate("unknown-customer rate", unknownCustomerRate);
        rate("disabled-customer rate", disabledCustomerRate);
        rate("out-of-stock rate", outOfStockRate);
        rate("insufficient-funds rate", insufficientFundsRate);
        require(unknownCustomerRate + disabledCustomerRate + outOfStockRate + insufficientFundsRate <= 1.0,
                "refusal rates must add up to at most 1");
        require(initialStock >= 0, "initial stock must not be negative (0 = ample), was " + initialStock);
        require(initialBalanceCents >= 0, "initial balance must not be negative (0 = ample), was " + initialBalanceCents);
    }

    public static WorkloadSpec ofDefaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** True when stock and balances are ample, so outcomes depend on each order alone. */
    public boolean conflictFree() {
        return initialStock == AMPLE && initialBalanceCents == AMPLE;
    }

    /** In words, for a report: what a reader needs to picture the orders. */
    public String describe() {
        return String.format(Locale.ROOT, "%,d customers, %,d products (popularity skew %.1f, 0 = uniform), up to %d "
                        + "items of up to %d units per order; orders made to be refused: unknown customer %.1f %%, "
                        + "disabled customer %.1f %%, out of stock %.1f %%, insufficient funds %.1f %%; stock %s, "
                        + "balances %s; seed %d", customers, products, skew, maxItemsPerOrder, maxQuantity,
                100 * unknownCustomerRate, 100 * disabledCustomerRate, 100 * outOfStockRate,
                100 * insufficientFundsRate, initialStock == AMPLE ? "ample" : initialStock + " units per product",
                initialBalanceCents == AMPLE ? "ample" : initialBalanceCents + " cents per customer", seed)
                + (customerSkew > 0 ? String.format(Locale.ROOT, "; customers picked with skew %.1f", customerSkew)
                : "");
    }

    /** {@code key=value} pairs, one per field, as stored in the run record. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        asMap().forEach((key, value) -> text.append(key).append('=').append(value).append(';'));
        return text.toString();
    }

    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("seed", seed);
        map.put("orders", orders);
        map.put("customers", customers);
        map.put("products", products);
        map.put("maxItems", maxItemsPerOrder);
        map.put("maxQuantity", maxQuantity);
        map.put("skew", skew);
        map.put("unknownCustomerRate", unknownCustomerRate);
        map.put("disabledCustomerRate", disabledCustomerRate);
        map.put("outOfStockRate", outOfStockRate);
        map.put("insufficientFundsRate", insufficientFundsRate);
        map.put("initialStock", initialStock);
        map.put("initialBalanceCents", initialBalanceCents);
        if (customerSkew > 0) {
            map.put("customerSkew", customerSkew); // absent when 0, as in every record written before it existed
        }
        return map;
    }

    /** Parses what {@link #toText()} wrote. */
    public static WorkloadSpec parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : text.split(";")) {
            if (!pair.isBlank()) {
                String[] keyValue = pair.split("=", 2);
                require(keyValue.length == 2, "malformed workload entry '" + pair + "'");
                values.put(keyValue[0].trim(), keyValue[1].trim());
            }
        }
        try {
            return new WorkloadSpec(Long.parseLong(get(values, "seed")), Integer.parseInt(get(values, "orders")),
                    Integer.parseInt(get(values, "customers")), Integer.parseInt(get(values, "products")),
                    Integer.parseInt(get(values, "maxItems")), Integer.parseInt(get(values, "maxQuantity")),
                    Double.parseDouble(get(values, "skew")), Double.parseDouble(get(values, "unknownCustomerRate")),
                    Double.parseDouble(get(values, "disabledCustomerRate")),
                    Double.parseDouble(get(values, "outOfStockRate")),
                    Double.parseDouble(get(values, "insufficientFundsRate")),
                    Long.parseLong(get(values, "initialStock")), Long.parseLong(get(values, "initialBalanceCents")),
                    Double.parseDouble(values.getOrDefault("customerSkew", "0")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed workload '" + text + "': " + e.getMessage(), e);
        }
    }

    private static String get(Map<String, String> values, String key) {
        String value = values.get(key);
        require(value != null, "workload lacks '" + key + "'");
        return value;
    }

    private static void rate(String name, double value) {
        require(value >= 0 && value <= 1, name + " must be between 0 and 1, was " + value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Builder of {@link WorkloadSpec}, starting from the defaults. */
    public static final class Builder {
        private long seed = DEFAULT_SEED;
        private int orders = DEFAULT_ORDERS;
        private int customers = DEFAULT_CUSTOMERS;
        private int products = DEFAULT_PRODUCTS;
        private int maxItems = DEFAULT_MAX_ITEMS;
        private int maxQuantity = DEFAULT_MAX_QUANTITY;
        private double skew = DEFAULT_SKEW;
        private double customerSkew;
        private double unknownCustomerRate = DEFAULT_REFUSAL_RATE;
        private double disabledCustomerRate = DEFAULT_REFUSAL_RATE;
        private double outOfStockRate = DEFAULT_REFUSAL_RATE;
        private double insufficientFundsRate = DEFAULT_REFUSAL_RATE;
        private long initialStock = AMPLE;
        private long initialBalanceCents = AMPLE;

        private Builder() {
        }

        private Builder(WorkloadSpec spec) {
            seed = spec.seed;
            orders = spec.orders;
            customers = spec.customers;
            products = spec.products;
            maxItems = spec.maxItemsPerOrder;
            maxQuantity = spec.maxQuantity;
            skew = spec.skew;
            customerSkew = spec.customerSkew;
            unknownCustomerRate = spec.unknownCustomerRate;
            disabledCustomerRate = spec.disabledCustomerRate;
            outOfStockRate = spec.outOfStockRate;
            insufficientFundsRate = spec.insufficientFundsRate;
            initialStock = spec.initialStock;
            initialBalanceCents = spec.initialBalanceCents;
        }

        public Builder seed(long value) { seed = value; return this; }
        public Builder orders(int value) { orders = value; return this; }
        public Builder customers(int value) { customers = value; return this; }
        public Builder products(int value) { products = value; return this; }
        public Builder maxItemsPerOrder(int value) { maxItems = value; return this; }
        public Builder maxQuantity(int value) { maxQuantity = value; return this; }
        public Builder skew(double value) { skew = value; return this; }
        /** Zipf skew of the customers who place the regular orders (0, the default: uniform). */
        public Builder customerSkew(double value) { customerSkew = value; return this; }
        public Builder unknownCustomerRate(double value) { unknownCustomerRate = value; return this; }
        public Builder disabledCustomerRate(double value) { disabledCustomerRate = value; return this; }
        public Builder outOfStockRate(double value) { outOfStockRate = value; return this; }
        public Builder insufficientFundsRate(double value) { insufficientFundsRate = value; return this; }
        public Builder initialStock(long value) { initialStock = value; return this; }
        public Builder initialBalanceCents(long value) { initialBalanceCents = value; return this; }

        /** Sets all four refusal rates to the same value. */
        public Builder refusalRate(double value) {
            unknownCustomerRate = value;
            disabledCustomerRate = value;
            outOfStockRate = value;
            insufficientFundsRate = value;
            return this;
        }

        public WorkloadSpec build() {
            return new WorkloadSpec(seed, orders, customers, products, maxItems, maxQuantity, skew,
                    unknownCustomerRate, disabledCustomerRate, outOfStockRate, insufficientFundsRate,
                    initialStock, initialBalanceCents, customerSkew);
        }
    }
}
