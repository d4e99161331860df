package dev.txlab.cli;

import dev.txlab.domain.workload.WorkloadSpec;
import picocli.CommandLine.Option;

/**
 * The flags that choose which orders a workload holds, shared by {@code txlab run} and
 * {@code txlab compare}: the seed, how hot the products are, and the refusal rate.
 */
final class WorkloadMixOptions {
    @Option(names = "--seed", defaultValue = "42", description = "workload seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--skew", defaultValue = "1.0",
            description = "Zipf exponent over products: 0 uniform, higher = hotter products (default: ${DEFAULT-VALUE})")
    double skew;

    @Option(names = "--refusal-rate", defaultValue = "0.02",
            description = "rate of each business refusal: unknown customer, disabled customer, out of stock, "
                    + "insufficient funds (default: ${DEFAULT-VALUE} each)")
    double refusalRate;

    WorkloadSpec.Builder applyTo(WorkloadSpec.Builder builder) {
        return builder.seed(seed).skew(skew).refusalRate(refusalRate);
    }
}
