package dev.txlab.scenarios.probe;

import dev.txlab.harness.audit.AuditReport;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.run.OrderListener;
import dev.txlab.harness.run.Run;
import dev.txlab.harness.workload.WorkloadSpec;
import dev.txlab.scenarios.ScenarioContext;

import java.util.List;

/**
 * One probed run of an implementation: a hot-product workload (20 products, Zipf 1.5, 5 % of each
 * refusal, so some orders reserve stock and are then refused payment) with concurrent readers, then
 * the audit, then the classification of what the readers saw.
 */
public final class ProbeRun {
    public static final String ID = "isolation-probe";
    static final WorkloadSpec HOT_PRODUCTS = WorkloadSpec.builder().orders(400).seed(11).products(20).skew(1.5)
            .refusalRate(0.05).build();
    static final int CALLERS = 4;
    static final int READERS = 2;

    private ProbeRun() {
    }

    /** The probe's run in words, for a report's method. */
    public static String describe() {
        return HOT_PRODUCTS.orders() + " orders on " + HOT_PRODUCTS.products() + " hot products (Zipf "
                + HOT_PRODUCTS.skew() + "), " + CALLERS + " callers, " + READERS + " readers";
    }

    public static ProbeReport run(ScenarioContext context, ImplementationId implementation) throws Exception {
        try (Run run = Run.prepare(context.runOptions(context.storeFor(ID, implementation), implementation)
                .workload(HOT_PRODUCTS)
                .callers(CALLERS)
                .build())) {
            IsolationProbe probe = IsolationProbe.start(run, READERS, HOT_PRODUCTS.seed());
            List<Observation> seen;
            try {
                run.execute(OrderListener.NONE);
            } finally {
                seen = probe.stop();
            }
            AuditReport audit = run.audit();
            if (!audit.ok()) {
                throw new IllegalStateException("the probed run failed its audit, so its reads mean nothing: "
                        + audit.describe(3));
            }
            return AnomalyClassifier.classify(seen, FinalStatuses.of(run));
        }
    }
}
