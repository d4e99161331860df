package dev.txlab.cli;

import dev.txlab.harness.workload.WorkloadSpec;
import picocli.CommandLine.Option;

/**
 * The flags that choose which orders a workload holds, shared by {@code txlab run} and
 * {@code txlab compare}: the seed, how hot the products and the customers are, and the refusal rate.
 */
final class WorkloadMixOptions {
    @Option(names = "--seed", defaultValue = "42", description = "workload seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--skew", defaultValue = "1.0",
            description = "Zipf exponent over products: 0 uniform, higher = hotter products (default: ${DEFAULT-VALUE})")
    double skew;

    @Option(names = "--customer-skew", defaultValue = "0", description = "Zipf exponent over the customers who "
            + "place the regular orders: 0 uniform, higher = a few customers place most orders, so their accounts "
            + "are contended (default: ${DEFAULT-VALUE})")
    double customerSkew;

    @Option(names = "--refusal-rate", defaultValue = "0.02",
            description = "rate of each business refusal: unknown customer, disabled customer, out of stock, "
                    + "insufficient funds (default: ${DEFAULT-VALUE} each)")
    double refusalRate;

    /** Four refusals, each at this rate, must leave room for one another: at most a quarter each. */
    static final double MAX_REFUSAL_RATE = 0.25;

    WorkloadSpec.Builder applyTo(WorkloadSpec.Builder builder) {
        Flags.require(refusalRate >= 0 && refusalRate <= MAX_REFUSAL_RATE, "--refusal-rate must be between 0 and "
                + MAX_REFUSAL_RATE + " (the rate of each of the four refusals), was " + refusalRate);
        Flags.require(skew >= 0 && Double.isFinite(skew), "--skew must be a finite number >= 0 (0 = uniform), was "
                + skew);
        Flags.require(customerSkew >= 0 && Double.isFinite(customerSkew), "--customer-skew must be a finite number "
                + ">= 0 (0 = uniform), was " + customerSkew);
        return builder.seed(seed).skew(skew).customerSkew(customerSkew).refusalRate(refusalRate);
    }
}
