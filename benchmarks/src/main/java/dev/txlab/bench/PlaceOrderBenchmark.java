package dev.txlab.bench;

import dev.txlab.harness.audit.AuditReport;
import dev.txlab.harness.network.NetworkProfile;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.OrderResult;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.run.Run;
import dev.txlab.harness.run.RunOptions;
import dev.txlab.harness.store.Durability;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.workload.WorkloadSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One operation = submit the next order of the workload and await its final outcome, on a fresh,
 * real run of one implementation (its databases reset and seeded, its TM or broker started). Every
 * trial is audited after measurement: a run whose invariants do not hold fails the benchmark with
 * the violations, so it never appears as a result. Stock and balances are "ample" for the whole
 * workload (millions of orders), so hot products never run dry mid-measurement.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar PlaceOrderBenchmark -p implementation=LOCAL_BASELINE,SAGA_ORCH \
 *      -p store=postgres -p network=lan -t 4
 * </pre>
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Threads(4)
public class PlaceOrderBenchmark {
    /** Orders each trial's workload holds: more than any trial takes. */
    static final int WORKLOAD_CAPACITY = 5_000_000;

    /** The implementations, by the names JMH's {@code -p implementation=} takes. */
    public enum Implementation {
        LOCAL_BASELINE(ImplementationId.LOCAL_BASELINE),
        XA_NARAYANA(ImplementationId.XA_NARAYANA),
        XA_ATOMIKOS(ImplementationId.XA_ATOMIKOS),
        SAGA_CHOREO(ImplementationId.SAGA_CHOREO),
        SAGA_ORCH(ImplementationId.SAGA_ORCH);

        private final ImplementationId id;

        Implementation(ImplementationId id) {
            this.id = id;
        }
    }

    @Param({"LOCAL_BASELINE", "XA_NARAYANA", "XA_ATOMIKOS", "SAGA_CHOREO", "SAGA_ORCH"})
    public Implementation implementation;

    /** h2-file, postgres, mariadb, or a mix such as orders=postgres,depot=mariadb. */
    @Param("h2-file")
    public String store;

    /** none, process or power (power needs a server database). */
    @Param("process")
    public String durability;

    /** none, lan, wan, or a one-way delay such as 500us. */
    @Param("none")
    public String network;

    /** Rate of each of the four business refusals. */
    @Param("0.02")
    public double refusalRate;

    /** Zipf exponent over products. */
    @Param("1.0")
    public double skew;

    /** artemis or nats (the sagas' broker). */
    @Param("artemis")
    public String transport;

    /** Where H2 files, TM logs and the ledger go (relative to the working directory). */
    Path dataDir = Path.of("txlab-data");

    private Run run;
    private long awaitMillis;

    /** Prepares the trial's run for as many callers as the benchmark has threads (its pools are sized for them). */
    @Setup(Level.Trial)
    public void prepareRun(BenchmarkParams params) throws Exception {
        prepareRun(params.getThreads());
    }

    void prepareRun(int callers) throws Exception {
        StoreConfig config = StoreConfig.builder().stores(store).durability(Durability.parse(durability))
                .dataDir(dataDir).prefix("txlab_jmh").build();
        WorkloadSpec workload = WorkloadSpec.builder().orders(WORKLOAD_CAPACITY).refusalRate(refusalRate).skew(skew)
                .build();
        run = Run.prepare(RunOptions.builder(config, implementation.id)
                .workload(workload)
                .callers(callers)
                .transport(TransportSettings.of(transport, null))
                .network(NetworkProfile.parse(network))
                .build());
        awaitMillis = run.outcomeWait().toMillis();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public OrderResult placeOrder() throws InterruptedException, ExecutionException, TimeoutException {
        return placeNext();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public OrderResult placeOrderLatency() throws InterruptedException, ExecutionException, TimeoutException {
        return placeNext();
    }

    private OrderResult placeNext() throws InterruptedException, ExecutionException, TimeoutException {
        return run.feed().submitNext()
                .orElseThrow(() -> new IllegalStateException("the workload's orders are used up; raise "
                        + "WORKLOAD_CAPACITY or shorten the trial"))
                .completion().get(awaitMillis, TimeUnit.MILLISECONDS);
    }

    Run run() {
        return run;
    }

    /** Audits everything the trial submitted; a violation fails the benchmark instead of reporting a result. */
    @TearDown(Level.Trial)
    public void auditRun() throws Exception {
        try {
            run.awaitQuiescence();
            AuditReport audit = run.audit();
            if (!audit.ok()) {
                throw new IllegalStateException(implementation + " on " + store + ": the audit failed, so this is "
                        + "not a result: " + audit.describe(20));
            }
        } finally {
            run.close();
        }
    }
}
