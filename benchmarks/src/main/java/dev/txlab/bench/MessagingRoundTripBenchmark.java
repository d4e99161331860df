package dev.txlab.bench;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.fault.CrashPoints;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.run.FileTrees;
import dev.txlab.harness.store.Durability;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.store.Stores;
import dev.txlab.harness.store.Topology;
import dev.txlab.messaging.Message;
import dev.txlab.messaging.MessageCodec;
import dev.txlab.messaging.MessageCounters;
import dev.txlab.messaging.artemis.ArtemisTransport;
import dev.txlab.messaging.inbox.Inbox;
import dev.txlab.messaging.nats.NatsTransport;
import dev.txlab.messaging.outbox.Outbox;
import dev.txlab.messaging.outbox.OutboxRelay;
import dev.txlab.messaging.spi.Transport;
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
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One saga hop, end to end: a message written to the orders database's outbox in a local
 * transaction, published by the relay (woken on commit), carried by the transport, and handled by
 * the depot's inbox in a local transaction of its own. One operation = write, commit, await the
 * handler's commit. Databases are H2 files (durability process), so the hop pays real commits.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class MessagingRoundTripBenchmark {
    private static final String DESTINATION = "orders.events";

    @Param({"artemis", "nats"})
    public String transport;

    private Path dataDir;
    private Stores stores;
    private Transport broker;
    private OutboxRelay<String> relay;
    private Outbox outbox;
    private final Map<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    @Setup(Level.Trial)
    public void start() throws Exception {
        dataDir = Files.createTempDirectory("txlab-bench-messaging");
        StoreConfig config = StoreConfig.builder().allServices(StoreKind.H2_FILE).prefix("bench_messaging")
                .dataDir(dataDir).build();
        Stores.reset(config);
        stores = Stores.open(config, Topology.DATABASE_PER_SERVICE, JdbcDecorator.of());
        broker = "nats".equals(transport)
                ? new NatsTransport(TransportSettings.DEFAULT_NATS_URL, "bench_messaging", Durability.PROCESS, clock, true)
                : new ArtemisTransport(dataDir.resolve("artemis"), Durability.PROCESS, clock);
        MessageCodec codec = new MessageCodec();
        outbox = new Outbox(codec, clock);
        relay = OutboxRelay.ofOutbox("orders", stores.dataSource(ServiceName.ORDERS), broker, codec,
                CrashPoints.disarmed(), new MessageCounters()).start();
        Inbox inbox = new Inbox(stores.dataSource(ServiceName.DEPOT), "depot", clock);
        broker.subscribe(DESTINATION, "depot", message -> {
            inbox.process(message, connection -> { });
            CompletableFuture<Void> done = pending.remove(message.messageId());
            if (done != null) {
                done.complete(null);
            }
        });
    }

    @Benchmark
    public Message roundTrip() throws Exception {
        Message message = Message.create("OrderCreated", "o1", null, clock.instant(), "{}");
        CompletableFuture<Void> done = new CompletableFuture<>();
        pending.put(message.messageId(), done);
        try (Connection connection = stores.dataSource(ServiceName.ORDERS).getConnection()) {
            outbox.append(connection, DESTINATION, message);
            connection.commit();
        }
        relay.wake();
        done.get(30, TimeUnit.SECONDS);
        return message;
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        relay.close();
        broker.close();
        stores.close();
        FileTrees.deleteIfExists(dataDir);
    }
}
