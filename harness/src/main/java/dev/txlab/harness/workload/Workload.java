package dev.txlab.harness.workload;

import dev.txlab.domain.model.OrderLine;
import dev.txlab.domain.model.OrderRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A workload generated from its specification: the initial state, and order {@code i} as a pure
 * function of (seed, i), so any thread can take the next index and every run sees the same orders.
 */
public final class Workload {
    /** Balance of the customers meant to be refused for insufficient funds: below any product price. */
    static final long POOR_BALANCE_CENTS = 50;
    static final long MIN_PRICE_CENTS = 100;
    static final long MAX_PRICE_CENTS = 10_000;

    private final WorkloadSpec spec;
    private final InitialState initialState;
    private final ZipfSampler products;
    /** The regular customers by popularity when the spec skews them; null: picked uniformly. */
    private final ZipfSampler regularCustomerRanks;
    private final List<String> regularCustomers = new ArrayList<>();
    private final List<String> disabledCustomers = new ArrayList<>();
    private final List<String> poorCustomers = new ArrayList<>();

    private Workload(WorkloadSpec spec) {
        this.spec = spec;
        this.products = new ZipfSampler(spec.products(), spec.skew());
        this.initialState = generateInitialState();
        this.regularCustomerRanks = spec.customerSkew() > 0
                ? new ZipfSampler(regularCustomers.size(), spec.customerSkew()) : null;
    }

    public static Workload of(WorkloadSpec spec) {
        return new Workload(spec);
    }

    public WorkloadSpec spec() {
        return spec;
    }

    public InitialState initialState() {
        return initialState;
    }

    public int size() {
        return spec.orders();
    }

    public static String orderId(int index) {
        return String.format("o%08d", index + 1);
    }

    public OrderRequest order(int index) {
        return generate(index).request();
    }

    public OrderKind kind(int index) {
        return generate(index).kind();
    }

    /** The index of the n-th order (1-based) of a kind, e.g. the 5th order meant to be approved. */
    public int indexOf(OrderKind kind, int nth) {
        int seen = 0;
        for (int i = 0; i < size(); i++) {
            if (kind(i) == kind && ++seen == nth) {
                return i;
            }
        }
        throw new IllegalArgumentException("the workload has fewer than " + nth + " orders of kind " + kind);
    }

    private record Generated(OrderRequest request, OrderKind kind) {
    }

    private Generated generate(int index) {
        if (index < 0 || index >= spec.orders()) {
            throw new IndexOutOfBoundsException("order index " + index + " outside 0.." + (spec.orders() - 1));
        }
        SplittableRandom random = new SplittableRandom(spec.seed() * 0x9E3779B97F4A7C15L + index);
        OrderKind kind = pickKind(random.nextDouble());
        String customer = switch (kind) {
            case UNKNOWN_CUSTOMER -> String.format("x%06d", random.nextInt(1_000_000));
            case DISABLED_CUSTOMER -> pick(disabledCustomers, random);
            case INSUFFICIENT_FUNDS -> pick(poorCustomers, random);
            case REGULAR, OUT_OF_STOCK -> regularCustomerRanks == null ? pick(regularCustomers, random)
                    : regularCustomers.get(regularCustomerRanks.sample(random));
        };
        int itemCount = 1 + random.nextInt(spec.maxItemsPerOrder());
        Set<Integer> ranks = new LinkedHashSet<>();
        while (ranks.size() < itemCount) {
            ranks.add(products.sample(random));
        }
        List<OrderLine> lines = new ArrayList<>();
        boolean first = true;
        for (int rank : ranks) {
            InitialState.Product product = initialState.products().get(rank);
            long quantity = 1 + random.nextInt(spec.maxQuantity());
            if (first && kind == OrderKind.OUT_OF_STOCK) {
                quantity = product.stock() + 1;
            }
            first = false;
            lines.add(new OrderLine(product.sku(), quantity, product.priceCents()));
        }
        return new Generated(new OrderRequest(orderId(index), customer, lines), kind);
    }

    private OrderKind pickKind(double u) {
        double bound = spec.unknownCustomerRate();
        if (u < bound) {
            return OrderKind.UNKNOWN_CUSTOMER;
        }
        bound += spec.disabledCustomerRate();
        if (u < bound) {
            return OrderKind.DISABLED_CUSTOMER;
        }
        bound += spec.outOfStockRate();
        if (u < bound) {
            return OrderKind.OUT_OF_STOCK;
        }
        bound += spec.insufficientFundsRate();
        return u < bound ? OrderKind.INSUFFICIENT_FUNDS : OrderKind.REGULAR;
    }

    private static String pick(List<String> ids, SplittableRandom random) {
        return ids.get(random.nextInt(ids.size()));
    }

    private InitialState generateInitialState() {
        SplittableRandom random = new SplittableRandom(spec.seed());
        long maxUnitsPerProduct = (long) spec.orders() * spec.maxQuantity() + 1;
        long stock = spec.initialStock() == WorkloadSpec.AMPLE ? maxUnitsPerProduct : spec.initialStock();
        long balance = spec.initialBalanceCents() == WorkloadSpec.AMPLE
                ? Math.multiplyExact(Math.multiplyExact(maxUnitsPerProduct, spec.maxItemsPerOrder()), MAX_PRICE_CENTS)
                : spec.initialBalanceCents();

        List<InitialState.Product> productList = new ArrayList<>();
        for (int i = 0; i < spec.products(); i++) {
            long price = MIN_PRICE_CENTS + random.nextLong(MAX_PRICE_CENTS - MIN_PRICE_CENTS + 1);
            String sku = String.format("sku%05d", i + 1);
            productList.add(new InitialState.Product(sku, "product " + (i + 1), price, stock));
        }
        List<InitialState.Customer> customers = new ArrayList<>();
        Map<String, Long> balances = new LinkedHashMap<>();
        for (int i = 0; i < spec.customers(); i++) {
            String id = String.format("c%06d", i + 1);
            regularCustomers.add(id);
            customers.add(new InitialState.Customer(id, "customer " + (i + 1), true));
            balances.put(id, balance);
        }
        int special = Math.max(1, spec.customers() / 20);
        for (int i = 0; i < special; i++) {
            String disabled = String.format("d%06d", i + 1);
            disabledCustomers.add(disabled);
            customers.add(new InitialState.Customer(disabled, "disabled customer " + (i + 1), false));
            balances.put(disabled, balance);
            String poor = String.format("p%06d", i + 1);
            poorCustomers.add(poor);
            customers.add(new InitialState.Customer(poor, "poor customer " + (i + 1), true));
            balances.put(poor, POOR_BALANCE_CENTS);
        }
        return new InitialState(customers, balances, productList);
    }
}
